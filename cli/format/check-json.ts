/**
 * Machine renderings of a check result: the `--json` report, and a trace in
 * the Informal Trace Format shape (`#meta`, `vars`, `states`, `loop`, integers
 * as `{"#bigint": "..."}`, booleans as JSON booleans) for `--trace json`.
 */
import type { CheckResult, TraceStep, Value, Violation } from '../../model/checker/result.ts';
import { setElements } from './check-values.ts';

export function checkJson(r: CheckResult): unknown {
  if (r.kind === 'model-error') return { ok: false, model: r.model, error: r.message, trace: (r.trace ?? []).map((s) => ({ action: s.action, state: s.state })) };
  const base = {
    ok: r.kind !== 'violation',
    complete: r.kind !== 'stopped',
    model: r.model,
    constants: r.constants,
    mode: r.mode,
    distinctStates: r.stats.distinctStates,
    generatedStates: r.stats.generatedStates,
    depth: r.stats.depth,
    statesPerSecond: r.stats.statesPerSecond,
    durationMs: r.stats.durationMs,
    collisionProbability: r.stats.collisionProbability,
    ...(r.stats.memory ? { memory: r.stats.memory } : {}),
    ...(r.stats.initialStates !== undefined ? { initialStates: r.stats.initialStates } : {}),
    ...(r.stats.symmetry ? { symmetry: r.stats.symmetry } : {}),
    invariantsChecked: r.invariantsChecked,
    propertiesChecked: r.propertiesChecked,
    coverage: r.stats.coverage,
    neverFired: r.stats.neverFired,
  };
  if (r.kind === 'stopped') return { ...base, stopped: r.reason };
  if (r.kind === 'violation') return { ...base, violation: violationJson(r.violation) };
  return base;
}

function violationJson(v: Violation): unknown {
  return {
    property: v.property,
    kind: v.kind,
    description: v.description,
    trace: v.trace.map((s) => ({ action: s.action, state: s.state })),
    ...(v.loopIndex !== undefined ? { loopIndex: v.loopIndex } : {}),
    ...(v.stuttering ? { stuttering: true } : {}),
  };
}

/**
 * ITF writes integers as `{"#bigint": "..."}`, booleans as JSON booleans,
 * strings as JSON strings, sequences as lists, sets as `{"#set": [...]}` and
 * records as objects.
 */
function itfValue(v: Value): unknown {
  if (typeof v === 'number') return { '#bigint': String(v) };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return (v as readonly Value[]).map((x) => itfValue(x));
  const elements = setElements(v);
  if (elements) return { '#set': elements.map((x) => itfValue(x)) };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, itfValue(x)]));
}

export function itfTrace(model: string, trace: readonly TraceStep[], loopIndex?: number): unknown {
  return {
    '#meta': { format: 'ITF', source: model, description: 'moneysim check counterexample' },
    vars: trace.length > 0 ? Object.keys(trace[0]!.state) : [],
    states: trace.map((step, i) => ({
      '#meta': { index: i, action: step.action ?? 'Init' },
      ...Object.fromEntries(Object.entries(step.state).map(([k, v]) => [k, itfValue(v)])),
    })),
    ...(loopIndex !== undefined ? { loop: loopIndex } : {}),
  };
}
