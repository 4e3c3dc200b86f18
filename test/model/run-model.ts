/** Test helper: check a registered model with given constants, strictly unless told otherwise (see define.ts). */
import { resolveConstants } from '../../model/checker/constants.ts';
import type { ModelDef } from '../../model/checker/define.ts';
import type { CheckResult, Mode } from '../../model/checker/result.ts';
import { prepare, runCheck } from '../../model/checker/run.ts';
import { getModel } from '../../model/registry.ts';

export function model(id: string): ModelDef {
  const def = getModel(id);
  if (!def) throw new Error(`no model ${id}`);
  return def;
}

export function checkModel(
  def: ModelDef,
  constants: string[],
  opts: { skip?: string[]; mode?: Mode; maxStates?: number; checkDeadlock?: boolean; strict?: boolean; symmetry?: boolean; fast?: boolean } = {},
): CheckResult {
  const c = resolveConstants(def, constants);
  if (!c.ok) throw new Error(c.message);
  const p = prepare(def, c.value, opts.skip ?? [], { symmetry: opts.symmetry !== false, fast: opts.fast === true });
  if (!p.ok) throw new Error(p.message);
  return runCheck(p.value, {
    mode: opts.mode ?? { kind: 'exhaustive' },
    maxStates: opts.maxStates ?? 10_000_000,
    strict: opts.strict ?? true,
    ...(opts.checkDeadlock !== undefined ? { checkDeadlock: opts.checkDeadlock } : {}),
  });
}
