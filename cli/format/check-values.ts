/**
 * TLA+-style rendering of trace values, shared by the check formatters:
 * booleans as TRUE and FALSE, other strings quoted, lists as <<a, b>>, and
 * the list of variables a step changed.
 */
import { getModel } from '../../model/registry.ts';
import type { StateValues, Value } from '../../model/checker/result.ts';

/**
 * Models declare booleans as the enum FALSE, TRUE (model/checker/shape.ts),
 * so a trace carries them as those two names; they are TLA+'s booleans, not
 * strings, and print bare as TLC prints them.
 */
export function booleanOf(v: Value): boolean | undefined {
  if (v === 'TRUE') return true;
  if (v === 'FALSE') return false;
  return undefined;
}

export function showValue(v: Value): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return booleanOf(v) === undefined ? `"${v}"` : v;
  return `<<${v.map((x) => showValue(x)).join(', ')}>>`;
}

export function sameValue(a: Value | undefined, b: Value): boolean {
  if (a === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Variables of `state` that differ from `before` (all of them for the first state). */
export function changedVars(before: StateValues | undefined, state: StateValues): string[] {
  return Object.keys(state).filter((k) => before === undefined || !sameValue(before[k], state[k]!));
}

/** A model's constants as a user writes them: booleans as TRUE/FALSE, numbers as numbers. */
export function displayConstants(modelId: string, constants: Readonly<Record<string, number>>): Record<string, number | boolean> {
  const decls = getModel(modelId)?.constants ?? [];
  const out: Record<string, number | boolean> = {};
  for (const [name, value] of Object.entries(constants)) {
    out[name] = decls.find((d) => d.name === name)?.boolean === true ? value === 1 : value;
  }
  return out;
}
