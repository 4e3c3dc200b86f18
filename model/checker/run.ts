/**
 * One check from start to result: prepare (build and compile the model with
 * its constants, pick the invariants and properties not skipped), search
 * exhaustively or by simulation, check liveness on a complete graph, and
 * describe the outcome as a CheckResult value.
 */
import { bfs, type BfsEnd, type BfsOptions, type BfsOutput } from './bfs.ts';
import { parallelBfs } from './parallel/parallel-bfs.ts';
import { compile, type CompileOptions, type Compiled } from './compile.ts';
import type { Checked } from './constants.ts';
import type { Constants, ModelDef } from './define.ts';
import { errorText, faultMessage } from './fault.ts';
import { pathTo, type StateGraph } from './graph.ts';
import { checkProperty } from './liveness.ts';
import type { CheckResult, CheckSummary, Mode, Progress, Stats, TraceStep, Violation } from './result.ts';
import { simulate } from './simulate.ts';
import { buildStats } from './stats.ts';
import { replayTrace, shortestTrace } from './trace.ts';

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
  /** Stop cleanly before the exhaustive search's arrays take more bytes than this. */
  readonly maxBytes?: number;
  readonly checkDeadlock?: boolean;
  /** Verify that disabled actions leave the state alone (default true). */
  readonly strict?: boolean;
  readonly onProgress?: (p: Progress) => void;
}

export interface PrepareOptions {
  /** Skip the array guards (and, in runCheck, pass strict: false): faster, for benchmarks. */
  readonly fast?: boolean;
  /** Apply the symmetry of ids() domains (default true). */
  readonly symmetry?: boolean;
}

export function prepare(def: ModelDef, constants: Constants, skip: readonly string[], opts: PrepareOptions = {}): Checked<Prepared> {
  let model: Compiled;
  const options: CompileOptions = { guardArrays: opts.fast !== true, symmetry: opts.symmetry !== false };
  try {
    model = compile(def.build(constants), options);
  } catch (err) {
    return { ok: false, message: `model ${def.id} cannot be built with these constants: ${errorText(err, true)}` };
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

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MB`;
}

/** Constants as a user writes them: booleans as true/false, numbers as numbers. */
export function displayConstants(def: ModelDef, constants: Constants): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  for (const [name, value] of Object.entries(constants)) out[name] = def.constants.find((d) => d.name === name)?.boolean === true ? value === 1 : value;
  return out;
}

function finishSummary(p: Prepared, mode: Mode, stats: Stats, properties: readonly number[]): CheckSummary {
  return {
    model: p.def.id,
    constants: displayConstants(p.def, p.constants),
    mode,
    invariantsChecked: p.invariants.map((i) => p.model.spec.invariants[i]!.name),
    propertiesChecked: properties.map((i) => p.model.spec.properties[i]!.name),
    stats,
  };
}

export function runCheck(p: Prepared, opts: RunOptions): CheckResult {
  return opts.mode.kind === 'simulate' ? runSimulation(p, opts, opts.mode) : runExhaustive(p, opts);
}

function bfsOptions(p: Prepared, opts: RunOptions): BfsOptions {
  return {
    invariants: p.invariants,
    checkDeadlock: opts.checkDeadlock ?? true,
    recordEdges: p.properties.length > 0,
    maxStates: opts.maxStates,
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
    checkLeaks: opts.strict ?? true,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  };
}

function runExhaustive(p: Prepared, opts: RunOptions): CheckResult {
  return exhaustiveResult(p, opts, bfs(p.model, bfsOptions(p, opts)));
}

/**
 * The exhaustive search on several worker threads sharing the visited set
 * (parallel/parallel-bfs.ts). `model` is what the workers build the model
 * from: a registered id or an absolute model file path. Temporal properties
 * need the whole graph on one thread, so they must be skipped.
 */
export async function runCheckParallel(
  p: Prepared,
  opts: RunOptions & { readonly workers: number; readonly model: string; readonly fast: boolean; readonly symmetry: boolean; readonly setCapacity?: number },
): Promise<CheckResult> {
  if (p.properties.length > 0) throw new Error('internal: a parallel search cannot check temporal properties');
  const { workers, model, fast, symmetry } = opts;
  const out = await parallelBfs(p.model, { ...bfsOptions(p, opts), workers, model, constants: p.constants, fast, symmetry, ...(opts.setCapacity ? { setCapacity: opts.setCapacity } : {}) });
  if (out.end.kind === 'reported-fault') {
    const graph = out.graph;
    return { kind: 'model-error', model: p.def.id, message: out.end.message, trace: shortestTrace(p.model, graph, pathTo(graph, out.end.from)) };
  }
  return exhaustiveResult(p, opts, { ...out, end: out.end });
}

function exhaustiveResult(p: Prepared, opts: RunOptions, out: BfsOutput): CheckResult {
  const { model } = p;
  const stats = buildStats(model, { generated: out.generated, distinct: out.graph.count, depth: out.depth, durationMs: out.durationMs, fired: out.fired, discovered: out.discovered, initial: out.initialStates, bytes: out.bytes });
  const { end, graph } = out;
  const pathEnd = (i: number): TraceStep[] => shortestTrace(model, graph, pathTo(graph, i));
  switch (end.kind) {
    case 'fault':
      return { kind: 'model-error', model: p.def.id, message: faultMessage(model, end.fault), trace: end.from === -1 ? [] : pathEnd(end.from) };
    case 'stopped': {
      const bound = end.memory ? `--max-memory ${megabytes(opts.maxBytes ?? 0)}` : `--max-states ${opts.maxStates}`;
      const held = end.memory ? ` in ${megabytes(out.bytes)}` : '';
      return { ...finishSummary(p, opts.mode, stats, []), kind: 'stopped', reason: `stopped at ${bound}: ${end.distinct} distinct states explored${held}, the search is incomplete and liveness was not checked` };
    }
    case 'invariant':
    case 'deadlock':
      return { ...finishSummary(p, opts.mode, stats, []), kind: 'violation', violation: violationOf(p, end, pathEnd(end.state))! };
    case 'complete':
      return checkLiveness(p, opts.mode, stats, graph);
  }
}

function checkLiveness(p: Prepared, mode: Mode, stats: Stats, graph: StateGraph): CheckResult {
  for (const i of p.properties) {
    const prop = p.model.spec.properties[i]!;
    let violation: Violation | undefined;
    try {
      violation = checkProperty(p.model, graph, prop);
    } catch (error) {
      return { kind: 'model-error', model: p.def.id, message: faultMessage(p.model, { kind: 'exception', site: { kind: 'property', name: prop.name }, error }) };
    }
    if (violation) return { ...finishSummary(p, mode, stats, p.properties), kind: 'violation', violation };
  }
  return { ...finishSummary(p, mode, stats, p.properties), kind: 'ok' };
}

function runSimulation(p: Prepared, opts: RunOptions, mode: Extract<Mode, { kind: 'simulate' }>): CheckResult {
  const { model } = p;
  const out = simulate(model, {
    seed: mode.seed,
    depth: mode.depth,
    walks: mode.walks,
    invariants: p.invariants,
    checkDeadlock: opts.checkDeadlock ?? true,
    checkLeaks: opts.strict ?? true,
    maxStates: opts.maxStates,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const stats = buildStats(model, { generated: out.generated, distinct: out.distinct, depth: out.depth, durationMs: out.durationMs, fired: out.fired });
  const { end } = out;
  const walk = (upTo: number): TraceStep[] => (upTo < 0 ? [] : replayTrace(model, out.trace.states.slice(0, upTo + 1), out.trace.vias.slice(0, upTo + 1)));
  switch (end.kind) {
    case 'fault':
      return { kind: 'model-error', model: p.def.id, message: faultMessage(model, end.fault), trace: walk(end.from) };
    case 'invariant':
    case 'deadlock':
      return { ...finishSummary(p, mode, stats, []), kind: 'violation', violation: violationOf(p, end, walk(end.state))! };
    case 'stopped':
      return { ...finishSummary(p, mode, stats, []), kind: 'stopped', reason: `stopped at --max-states ${opts.maxStates} after ${end.distinct} distinct states` };
    case 'complete':
      return { ...finishSummary(p, mode, stats, []), kind: 'ok' };
  }
}
