/**
 * Exhaustive breadth-first search over fingerprinted states.
 *
 * States are stored packed, in discovery order, so the store doubles as the
 * BFS queue: a cursor walks it while new states are appended. Each successor
 * is packed, fingerprinted (64 bits) and looked up in the open-addressing
 * table; a new state records its parent and action instance, so the first
 * state that breaks an invariant is reached by a shortest path. Invariants are
 * checked when a state is first reached; a state with no successor that the
 * model does not call terminal is a deadlock.
 */
import * as codec from './codec.ts';
import type { Compiled } from './compile.ts';
import * as fingerprints from './fingerprint.ts';
import { FingerprintTable } from './fp-table.ts';
import type { StateGraph } from './graph.ts';
import { GraphBuilder } from './graph-builder.ts';
import type { Progress } from './result.ts';

export type BfsEnd =
  | { readonly kind: 'complete' }
  | { readonly kind: 'invariant'; readonly invariant: number; readonly state: number }
  | { readonly kind: 'deadlock'; readonly state: number }
  | { readonly kind: 'stopped'; readonly distinct: number }
  | { readonly kind: 'range-error'; readonly from: number; readonly instance: number; readonly slot: number; readonly value: number }
  | { readonly kind: 'strict-error'; readonly from: number; readonly instance: number };

export interface BfsOptions {
  /** Indices into spec.invariants of the invariants to check. */
  readonly invariants: readonly number[];
  readonly checkDeadlock: boolean;
  readonly recordEdges: boolean;
  readonly maxStates: number;
  /** Verify that disabled actions leave the state untouched (slower; for tests). */
  readonly strict: boolean;
  readonly onProgress?: (p: Progress) => void;
}

export interface BfsOutput {
  readonly end: BfsEnd;
  readonly graph: StateGraph;
  readonly generated: number;
  /** States on a longest shortest path from the initial state (TLC counts depth the same way). */
  readonly depth: number;
  /** Per action instance: successors generated, and distinct states first reached. */
  readonly fired: Float64Array;
  readonly discovered: Float64Array;
  readonly durationMs: number;
}

const PROGRESS_EVERY = 1 << 16;

// Under the TypeScript loader modules run as CommonJS, where each use of an
// imported binding is a property getter call; the hot loop uses local copies.
const sameWords = codec.sameWords;
const fingerprint = fingerprints.fingerprint;

export function bfs(model: Compiled, opts: BfsOptions): BfsOutput {
  const started = performance.now();
  const { layout, instances } = model;
  const K = layout.words;
  const g = new GraphBuilder(K, opts.recordEdges);
  const table = new FingerprintTable(1 << 16);
  const fp = new Int32Array(2);
  const packed = new Uint32Array(K);
  const nxt = new Int32Array(layout.width);
  const s = model.view(nxt);
  const invs = opts.invariants.map((i) => model.spec.invariants[i]!.holds);
  const counters = { generated: 1, fired: new Float64Array(instances.length), discovered: new Float64Array(instances.length) };
  const finish = (end: BfsEnd): BfsOutput => {
    // Discovery order is breadth-first, so the last stored state is a deepest one.
    const depth = g.depthOf(g.count - 1);
    return { end, graph: g.build(), depth, generated: counters.generated, fired: counters.fired, discovered: counters.discovered, durationMs: performance.now() - started };
  };
  const failedInvariant = (): number => {
    for (let k = 0; k < invs.length; k++) if (!invs[k]!(s)) return opts.invariants[k]!;
    return -1;
  };
  nxt.set(model.initBuffer);
  const badInit = model.codec.pack(nxt, packed, 0);
  if (badInit !== -1) return finish({ kind: 'range-error', from: -1, instance: -1, slot: badInit, value: nxt[badInit]! });
  fingerprint(packed, 0, K, fp);
  table.putIfAbsent(fp[0]!, fp[1]!, 0);
  g.add(packed, -1, -1);
  const bad0 = failedInvariant();
  if (bad0 !== -1) return finish({ kind: 'invariant', invariant: bad0, state: 0 });
  return finish(explore(model, opts, { g, table, fp, packed, nxt, s, failedInvariant, counters, started }));
}

interface SearchState {
  readonly g: GraphBuilder;
  readonly table: FingerprintTable;
  readonly fp: Int32Array;
  readonly packed: Uint32Array;
  readonly nxt: Int32Array;
  readonly s: ReturnType<Compiled['view']>;
  readonly failedInvariant: () => number;
  readonly counters: { generated: number; readonly fired: Float64Array; readonly discovered: Float64Array };
  readonly started: number;
}

// The hot loop, kept in one function on purpose: every state and every action
// instance passes through it, and V8 optimises one loop better than a chain of calls.
function explore(model: Compiled, opts: BfsOptions, st: SearchState): BfsEnd {
  const { g, table, fp, packed, nxt, s, failedInvariant, counters } = st;
  const { fired, discovered } = counters;
  const { instances, runs } = model;
  const K = model.layout.words;
  const packInto = model.codec.pack;
  const unpackFrom = model.codec.unpack;
  const cur = new Int32Array(model.layout.width);
  const nInst = instances.length;
  const instA = Int32Array.from(instances, (x) => x.a);
  const instB = Int32Array.from(instances, (x) => x.b);
  const instC = Int32Array.from(instances, (x) => x.c);
  const instRun = instances.map((x) => runs[x.action]!);
  const instFair = Int32Array.from(instances, (x) => x.fairMask);
  const { strict, checkDeadlock, maxStates } = opts;
  const checkInvariants = opts.invariants.length > 0;
  for (let i = 0; i < g.count; i++) {
    if ((i & (PROGRESS_EVERY - 1)) === 0 && i > 0 && opts.onProgress) {
      opts.onProgress({ generatedStates: counters.generated, distinctStates: g.count, queued: g.count - i, depth: g.depthOf(i), elapsedMs: performance.now() - st.started });
    }
    unpackFrom(g.store.data, i * K, cur);
    nxt.set(cur);
    g.openRow();
    let successors = 0;
    let fairEnabled = 0;
    for (let j = 0; j < nInst; j++) {
      if (!instRun[j]!(s, instA[j]!, instB[j]!, instC[j]!)) {
        if (strict && !sameBuffer(cur, nxt)) return { kind: 'strict-error', from: i, instance: j };
        continue;
      }
      successors++;
      counters.generated++;
      fired[j]!++;
      const badSlot = packInto(nxt, packed, 0);
      if (badSlot !== -1) return { kind: 'range-error', from: i, instance: j, slot: badSlot, value: nxt[badSlot]! };
      // A step that changes nothing is a stutter: it counts as generated, never as a new state or an edge.
      if (sameWords(packed, 0, g.store.data, i * K, K)) {
        nxt.set(cur);
        continue;
      }
      fingerprint(packed, 0, K, fp);
      const n = g.count;
      const seen = table.putIfAbsent(fp[0]!, fp[1]!, n);
      g.edge(seen === -1 ? n : seen, j);
      fairEnabled |= instFair[j]!;
      if (seen !== -1) {
        nxt.set(cur);
        continue;
      }
      g.add(packed, i, j);
      discovered[j]!++;
      // The successor is still in the working buffer, so invariants read it directly.
      const bad = checkInvariants ? failedInvariant() : -1;
      nxt.set(cur);
      if (bad !== -1) return { kind: 'invariant', invariant: bad, state: n };
      if (g.count >= maxStates) return { kind: 'stopped', distinct: g.count };
    }
    g.closeRow(fairEnabled);
    if (successors === 0 && checkDeadlock && !model.spec.terminal(s)) return { kind: 'deadlock', state: i };
  }
  return { kind: 'complete' };
}

function sameBuffer(a: Int32Array, b: Int32Array): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
