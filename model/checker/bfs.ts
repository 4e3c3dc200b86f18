/**
 * Exhaustive breadth-first search over fingerprinted states.
 *
 * States are stored packed, in discovery order, so the store doubles as the
 * BFS queue: a cursor walks it while new states are appended. Each successor
 * (see expander.ts) is fingerprinted (64 bits) and looked up in the
 * open-addressing table; a new state records its parent and action instance,
 * so the first state that breaks an invariant is reached by a shortest path.
 * Invariants are checked when a state is first reached; a state with no
 * successor that the model does not call terminal is a deadlock. A mistake
 * in the model's code ends the search as a fault at the state where it
 * happened.
 */
import * as codec from './codec.ts';
import type { Compiled } from './compile.ts';
import { Expander, FAULT, STOPPED } from './expander.ts';
import type { View } from './facade.ts';
import type { ModelFault } from './fault.ts';
import * as fingerprints from './fingerprint.ts';
import { FingerprintSet } from './fp-set.ts';
import { FingerprintTable } from './fp-table.ts';
import type { VisitedSet } from './visited.ts';
import type { StateGraph } from './graph.ts';
import { GraphBuilder } from './graph-builder.ts';
import type { Progress } from './result.ts';

export type BfsEnd =
  | { readonly kind: 'complete' }
  | { readonly kind: 'invariant'; readonly invariant: number; readonly state: number }
  | { readonly kind: 'deadlock'; readonly state: number }
  | { readonly kind: 'stopped'; readonly distinct: number; readonly memory?: true }
  /** `from` is the state the faulty code ran on (-1 for the initial predicate). */
  | { readonly kind: 'fault'; readonly from: number; readonly fault: ModelFault };

export interface BfsOptions {
  /** Indices into spec.invariants of the invariants to check. */
  readonly invariants: readonly number[];
  readonly checkDeadlock: boolean;
  readonly recordEdges: boolean;
  readonly maxStates: number;
  /** Stop cleanly before the search's arrays would take more than this many bytes. */
  readonly maxBytes?: number;
  /** Verify that disabled actions leave the state untouched. */
  readonly checkLeaks: boolean;
  readonly onProgress?: (p: Progress) => void;
}

export interface BfsOutput {
  readonly end: BfsEnd;
  readonly graph: StateGraph;
  readonly generated: number;
  /** States on a longest shortest path from an initial state (TLC counts depth the same way). */
  readonly depth: number;
  /** Per action instance: successors generated, and distinct states first reached. */
  readonly fired: Float64Array;
  readonly discovered: Float64Array;
  readonly initialStates: number;
  readonly durationMs: number;
  /** Bytes the search's arrays (states, parents, actions, visited set, edges) took at the end. */
  readonly bytes: number;
}

const PROGRESS_EVERY = 1 << 16;

// Under the TypeScript loader modules run as CommonJS, where each use of an
// imported binding is a property getter call; the hot loop uses local copies.
const sameWords = codec.sameWords;
const fingerprint = fingerprints.fingerprint;

/** Checks the invariants on a view; returns the index of the first broken one, or -1. Throws what an invariant throws. */
type InvariantCheck = (s: View) => number;

function invariantCheck(model: Compiled, indices: readonly number[]): { check: InvariantCheck; current: () => number } {
  const invs = indices.map((i) => model.spec.invariants[i]!.holds as (s: View) => boolean);
  let k = 0;
  return {
    check: (s) => {
      for (k = 0; k < invs.length; k++) if (!invs[k]!(s)) return indices[k]!;
      return -1;
    },
    current: () => indices[k] ?? -1,
  };
}

export function bfs(model: Compiled, opts: BfsOptions): BfsOutput {
  const started = performance.now();
  const K = model.layout.words;
  const g = new GraphBuilder(K, opts.recordEdges, model.instances.length);
  // Edges point at state indices, which only the table keeps; without edges the fingerprints alone do.
  const table: VisitedSet = opts.recordEdges ? new FingerprintTable(1 << 16) : new FingerprintSet(1 << 16);
  const fp = new Int32Array(2);
  const ex = new Expander(model, opts.checkLeaks);
  const inv = invariantCheck(model, opts.invariants);
  const counters = { generated: 0, fired: new Float64Array(model.instances.length), discovered: new Float64Array(model.instances.length), initial: 0 };
  const finish = (end: BfsEnd): BfsOutput => {
    // Discovery order is breadth-first, so the last stored state is a deepest one.
    const depth = g.count === 0 ? 0 : g.depthOf(g.count - 1);
    const { generated, fired, discovered, initial } = counters;
    const bytes = g.bytes + table.bytes;
    return { end, graph: g.build(), depth, generated, fired, discovered, initialStates: initial, durationMs: performance.now() - started, bytes };
  };
  const inits = ex.initials(() => {
    counters.generated++;
    fingerprint(ex.packed, 0, K, fp);
    if (table.putIfAbsent(fp[0]!, fp[1]!, g.count) === -1) g.add(ex.packed, -1, -1);
    return true;
  });
  if (inits === FAULT) return finish({ kind: 'fault', from: -1, fault: ex.fault! });
  counters.initial = g.count;
  if (g.count === 0) return finish({ kind: 'fault', from: -1, fault: { kind: 'exception', site: { kind: 'init' }, error: new Error('no initial state: init returned false for every choice') } });
  for (let i = 0; i < g.count; i++) {
    ex.load(g.store.data, i * K);
    const end = checkNew(model, inv, ex.nxt, i);
    if (end) return finish(end);
  }
  return finish(explore(model, opts, { g, table, fp, ex, inv, counters, started }));
}

function checkNew(model: Compiled, inv: ReturnType<typeof invariantCheck>, s: View, state: number): BfsEnd | undefined {
  try {
    const bad = inv.check(s);
    return bad === -1 ? undefined : { kind: 'invariant', invariant: bad, state };
  } catch (error) {
    return { kind: 'fault', from: state, fault: { kind: 'exception', site: { kind: 'invariant', name: model.spec.invariants[inv.current()]?.name ?? '?' }, error } };
  }
}

interface SearchState {
  readonly g: GraphBuilder;
  readonly table: VisitedSet;
  readonly fp: Int32Array;
  readonly ex: Expander;
  readonly inv: ReturnType<typeof invariantCheck>;
  readonly counters: { generated: number; readonly fired: Float64Array; readonly discovered: Float64Array };
  readonly started: number;
}

// The loop over states; the loop over actions is Expander.expand, and `visit`
// below runs once per successor.
function explore(model: Compiled, opts: BfsOptions, st: SearchState): BfsEnd {
  const { g, table, fp, ex, inv, counters } = st;
  const { fired, discovered } = counters;
  const K = model.layout.words;
  const instFair = Int32Array.from(model.instances, (x) => x.fairMask);
  const { checkDeadlock, maxStates } = opts;
  const checkInvariants = opts.invariants.length > 0;
  const packed = ex.packed;
  let current = 0;
  let fairEnabled = 0;
  let pending: BfsEnd | undefined;
  const visit = (j: number): boolean => {
    counters.generated++;
    fired[j]!++;
    // A step that changes nothing is a stutter: it counts as generated, never as a new state or an edge.
    if (sameWords(packed, 0, g.store.data, current * K, K)) return true;
    fingerprint(packed, 0, K, fp);
    const n = g.count;
    const seen = table.putIfAbsent(fp[0]!, fp[1]!, n);
    g.edge(seen === -1 ? n : seen, j);
    fairEnabled |= instFair[j]!;
    if (seen !== -1) return true;
    g.add(packed, current, j);
    discovered[j]!++;
    // The successor is still in the working view, so invariants read it directly.
    if (checkInvariants) {
      pending = checkNew(model, inv, ex.nxt, n);
      if (pending) return false;
    }
    if (g.count >= maxStates) {
      pending = { kind: 'stopped', distinct: g.count };
      return false;
    }
    return true;
  };
  const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < g.count; i++) {
    if ((i & (PROGRESS_EVERY - 1)) === 0 && i > 0 && opts.onProgress) {
      opts.onProgress({ generatedStates: counters.generated, distinctStates: g.count, queued: g.count - i, depth: g.depthOf(i), elapsedMs: performance.now() - st.started, bytes: g.bytes + table.bytes });
    }
    // Checked every 1024 states: the next growth of the visited set is the largest single allocation.
    if ((i & 1023) === 0 && g.bytes + table.bytes + table.growthBytes + (g.store.data.byteLength >> 1) > maxBytes) return { kind: 'stopped', distinct: g.count, memory: true };
    current = i;
    fairEnabled = 0;
    ex.load(g.store.data, i * K);
    g.openRow();
    const successors = ex.expand(visit);
    if (successors === FAULT) return { kind: 'fault', from: i, fault: ex.fault! };
    if (successors === STOPPED) return pending!;
    g.closeRow(fairEnabled);
    if (successors === 0 && checkDeadlock) {
      let terminal: boolean;
      try {
        terminal = model.spec.terminal(ex.cur as never);
      } catch (error) {
        return { kind: 'fault', from: i, fault: { kind: 'exception', site: { kind: 'terminal' }, error } };
      }
      if (!terminal) return { kind: 'deadlock', state: i };
    }
  }
  return { kind: 'complete' };
}
