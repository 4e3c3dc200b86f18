/**
 * One check from start to result: prepare (build and compile the model with
 * its constants, pick the invariants and properties not skipped), search
 * exhaustively or by simulation, check liveness on a complete graph, and
 * describe the outcome as a CheckResult value.
 */
import { bfs, type BfsEnd } from './bfs.ts';
import { compile, type Compiled } from './compile.ts';
import type { Checked } from './constants.ts';
import type { Constants, ModelDef } from './define.ts';
import { pathTo, type StateGraph } from './graph.ts';
import { checkProperty } from './liveness.ts';
import type { CheckResult, CheckSummary, Mode, Progress, Stats, TraceStep, Violation } from './result.ts';
import { simulate } from './simulate.ts';
import { buildStats } from './stats.ts';
import { readState, shortestTrace, stepFor } from './trace.ts';
import { unpack } from './codec.ts';

export interface Prepared {
  readonly def: ModelDef;
  readonly constants: Constants;
  readonly model: Compiled;
  readonly invariants: readonly number[];
  readonly properties: readonly number[];
}

export interface RunOptions {
  readonly mode: Mode;
  readonly maxStates: number;
  readonly checkDeadlock?: boolean;
  readonly strict?: boolean;
  readonly onProgress?: (p: Progress) => void;
}

export function prepare(def: ModelDef, constants: Constants, skip: readonly string[]): Checked<Prepared> {
  let model: Compiled;
  try {
    model = compile(def.build(constants));
  } catch (err) {
    return { ok: false, message: `model ${def.id} cannot be built with these constants: ${err instanceof Error ? err.message : String(err)}` };
  }
  const { invariants, properties } = model.spec;
  const names = [...invariants.map((i) => i.name), ...properties.map((p) => p.name)];
  for (const name of skip) {
    if (!names.includes(name)) return { ok: false, message: `--skip ${name}: model ${def.id} has no invariant or property ${name} (known: ${names.join(', ')})` };
  }
  const keep = (name: string): boolean => !skip.includes(name);
  return {
    ok: true,
    value: {
      def,
      constants,
      model,
      invariants: invariants.flatMap((inv, i) => (keep(inv.name) ? [i] : [])),
      properties: properties.flatMap((p, i) => (keep(p.name) ? [i] : [])),
    },
  };
}

function rangeMessage(p: Prepared, end: Extract<BfsEnd, { kind: 'range-error' }>): string {
  const { layout, instances } = p.model;
  const f = layout.fields[layout.slotField[end.slot]!]!;
  const where = end.instance === -1 ? 'the initial state' : `action ${instances[end.instance]!.label}`;
  return `${where} sets ${f.name} to ${end.value}, outside its declared range ${layout.slotLo[end.slot]}..${layout.slotHi[end.slot]}`;
}

function violationOf(p: Prepared, end: BfsEnd, trace: readonly TraceStep[]): Violation | undefined {
  if (end.kind === 'invariant') {
    const inv = p.model.spec.invariants[end.invariant]!;
    return { property: inv.name, kind: 'invariant', description: inv.description, trace };
  }
  if (end.kind === 'deadlock') {
    return { property: 'Deadlock', kind: 'deadlock', description: 'a state with no successor that the model does not call terminal', trace };
  }
  return undefined;
}

function finishSummary(p: Prepared, mode: Mode, stats: Stats, properties: readonly number[]): CheckSummary {
  return {
    model: p.def.id,
    constants: p.constants,
    mode,
    invariantsChecked: p.invariants.map((i) => p.model.spec.invariants[i]!.name),
    propertiesChecked: properties.map((i) => p.model.spec.properties[i]!.name),
    stats,
  };
}

export function runCheck(p: Prepared, opts: RunOptions): CheckResult {
  return opts.mode.kind === 'simulate' ? runSimulation(p, opts, opts.mode) : runExhaustive(p, opts);
}

function runExhaustive(p: Prepared, opts: RunOptions): CheckResult {
  const { model } = p;
  const liveness = p.properties.length > 0;
  const out = bfs(model, {
    invariants: p.invariants,
    checkDeadlock: opts.checkDeadlock ?? true,
    recordEdges: liveness,
    maxStates: opts.maxStates,
    strict: opts.strict ?? false,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const stats = buildStats(model, { generated: out.generated, distinct: out.graph.count, depth: out.depth, durationMs: out.durationMs, fired: out.fired, discovered: out.discovered });
  const { end, graph } = out;
  const pathEnd = (i: number): TraceStep[] => shortestTrace(model, graph, pathTo(graph, i));
  switch (end.kind) {
    case 'range-error':
    case 'strict-error':
      return modelError(p, end, end.from === -1 ? [] : pathEnd(end.from));
    case 'stopped':
      return { ...finishSummary(p, opts.mode, stats, []), kind: 'stopped', reason: `stopped at --max-states ${opts.maxStates}: ${end.distinct} distinct states explored, the search is incomplete and liveness was not checked` };
    case 'invariant':
    case 'deadlock':
      return { ...finishSummary(p, opts.mode, stats, []), kind: 'violation', violation: violationOf(p, end, pathEnd(end.state))! };
    case 'complete':
      return checkLiveness(p, opts.mode, stats, graph);
  }
}

function checkLiveness(p: Prepared, mode: Mode, stats: Stats, graph: StateGraph): CheckResult {
  for (const i of p.properties) {
    const violation = checkProperty(p.model, graph, p.model.spec.properties[i]!);
    if (violation) return { ...finishSummary(p, mode, stats, p.properties), kind: 'violation', violation };
  }
  return { ...finishSummary(p, mode, stats, p.properties), kind: 'ok' };
}

function modelError(p: Prepared, end: BfsEnd, trace: TraceStep[]): CheckResult {
  const message =
    end.kind === 'range-error'
      ? rangeMessage(p, end)
      : end.kind === 'strict-error'
        ? `action ${p.model.instances[end.instance]!.label} changed the state and then reported itself disabled; actions must return false before changing anything`
        : 'unexpected end of search';
  return { kind: 'model-error', model: p.def.id, message, trace };
}

function runSimulation(p: Prepared, opts: RunOptions, mode: Extract<Mode, { kind: 'simulate' }>): CheckResult {
  const { model } = p;
  const out = simulate(model, {
    seed: mode.seed,
    depth: mode.depth,
    walks: mode.walks,
    invariants: p.invariants,
    checkDeadlock: opts.checkDeadlock ?? true,
    maxStates: opts.maxStates,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const stats = buildStats(model, { generated: out.generated, distinct: out.distinct, depth: out.depth, durationMs: out.durationMs, fired: out.fired });
  const buf = new Int32Array(model.layout.width);
  const trace = out.trace.states.map((packed, k) => {
    unpack(model.layout, packed, 0, buf);
    return stepFor(model, out.trace.vias[k]!, readState(model, buf));
  });
  const { end } = out;
  switch (end.kind) {
    case 'range-error':
    case 'strict-error':
      return modelError(p, end, trace.slice(0, end.from + 1));
    case 'invariant':
    case 'deadlock':
      return { ...finishSummary(p, mode, stats, []), kind: 'violation', violation: violationOf(p, end, trace.slice(0, end.state + 1))! };
    case 'stopped':
      return { ...finishSummary(p, mode, stats, []), kind: 'stopped', reason: `stopped at --max-states ${opts.maxStates} after ${end.distinct} distinct states` };
    case 'complete':
      return { ...finishSummary(p, mode, stats, []), kind: 'ok' };
  }
}
