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
import { Grow } from './grow.ts';
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
  const { layout, instances, runs } = model;
  const packInto = model.codec.pack;
  const unpackFrom = model.codec.unpack;
  const K = layout.words;
  const W = layout.width;
  const cur = new Int32Array(W);
  const nxt = new Int32Array(W);
  const s = model.view(nxt);
  const invs = opts.invariants.map((i) => model.spec.invariants[i]!.holds);
  const invIds = opts.invariants;
  const terminal = model.spec.terminal;
  const store = new Grow(Uint32Array, 1 << 16);
  const parent = new Grow(Int32Array, 1 << 14);
  const via = new Grow(Int32Array, 1 << 14);
  const table = new FingerprintTable(1 << 16);
  const fp = new Int32Array(2);
  const packed = new Uint32Array(K);
  const fired = new Float64Array(instances.length);
  const discovered = new Float64Array(instances.length);
  const edgeStart = opts.recordEdges ? new Grow(Int32Array, 1 << 14) : undefined;
  const edgeTo = opts.recordEdges ? new Grow(Int32Array, 1 << 16) : undefined;
  const edgeVia = opts.recordEdges ? new Grow(Int32Array, 1 << 16) : undefined;
  const enabled = opts.recordEdges ? new Grow(Int32Array, 1 << 14) : undefined;
  const nInst = instances.length;
  const strict = opts.strict;
  const instA = Int32Array.from(instances, (x) => x.a);
  const instB = Int32Array.from(instances, (x) => x.b);
  const instC = Int32Array.from(instances, (x) => x.c);
  const instRun = instances.map((x) => runs[x.action]!);
  const instFair = Int32Array.from(instances, (x) => x.fairMask);
  let generated = 0;

  const graph = (): StateGraph => ({
    count: parent.length,
    words: K,
    store: store.data,
    parent: parent.data,
    via: via.data,
    ...(edgeStart && edgeTo && edgeVia && enabled
      ? { edges: { edgeStart: edgeStart.data, edgeTo: edgeTo.data, edgeVia: edgeVia.data, enabled: enabled.data } }
      : {}),
  });
  const finish = (end: BfsEnd): BfsOutput => {
    edgeStart?.push(edgeTo!.length);
    // Discovery order is breadth-first, so the last stored state is a deepest one.
    let steps = 0;
    for (let k = parent.length - 1; parent.data[k]! !== -1; k = parent.data[k]!) steps++;
    return { end, graph: graph(), generated, depth: steps + 1, fired, discovered, durationMs: performance.now() - started };
  };
  const failedInvariant = (): number => {
    for (let k = 0; k < invs.length; k++) if (!invs[k]!(s)) return invIds[k]!;
    return -1;
  };

  // The initial state.
  nxt.set(model.initBuffer);
  const badInit = packInto(nxt, packed, 0);
  if (badInit !== -1) return finish({ kind: 'range-error', from: -1, instance: -1, slot: badInit, value: nxt[badInit]! });
  fingerprint(packed, 0, K, fp);
  table.putIfAbsent(fp[0]!, fp[1]!, 0);
  store.reserve(K);
  store.data.set(packed, 0);
  store.length = K;
  parent.push(-1);
  via.push(-1);
  generated = 1;
  const bad0 = failedInvariant();
  if (bad0 !== -1) return finish({ kind: 'invariant', invariant: bad0, state: 0 });

  for (let i = 0; i < parent.length; i++) {
    if ((i & (PROGRESS_EVERY - 1)) === 0 && i > 0 && opts.onProgress) {
      opts.onProgress({ generatedStates: generated, distinctStates: parent.length, queued: parent.length - i, depth: depthOf(parent.data, i), elapsedMs: performance.now() - started });
    }
    unpackFrom(store.data, i * K, cur);
    nxt.set(cur);
    edgeStart?.push(edgeTo!.length);
    let successors = 0;
    let fairEnabled = 0;
    for (let j = 0; j < nInst; j++) {
      if (!instRun[j]!(s, instA[j]!, instB[j]!, instC[j]!)) {
        if (strict && !sameBuffer(cur, nxt)) return finish({ kind: 'strict-error', from: i, instance: j });
        continue;
      }
      successors++;
      generated++;
      fired[j]!++;
      const badSlot = packInto(nxt, packed, 0);
      if (badSlot !== -1) return finish({ kind: 'range-error', from: i, instance: j, slot: badSlot, value: nxt[badSlot]! });
      // A step that changes nothing is a stutter: it counts as generated, never as a new state or an edge.
      if (sameWords(packed, 0, store.data, i * K, K)) {
        nxt.set(cur);
        continue;
      }
      fingerprint(packed, 0, K, fp);
      const n = parent.length;
      const seen = table.putIfAbsent(fp[0]!, fp[1]!, n);
      if (edgeTo) {
        edgeTo.push(seen === -1 ? n : seen);
        edgeVia!.push(j);
        fairEnabled |= instFair[j]!;
      }
      if (seen !== -1) {
        nxt.set(cur);
        continue;
      }
      store.reserve(K);
      store.data.set(packed, n * K);
      store.length += K;
      parent.push(i);
      via.push(j);
      discovered[j]!++;
      // The successor is still in the working buffer, so invariants read it directly.
      const bad = invs.length > 0 ? failedInvariant() : -1;
      nxt.set(cur);
      if (bad !== -1) return finish({ kind: 'invariant', invariant: bad, state: n });
      if (parent.length >= opts.maxStates) return finish({ kind: 'stopped', distinct: parent.length });
    }
    enabled?.push(fairEnabled);
    if (successors === 0 && opts.checkDeadlock && !terminal(s)) return finish({ kind: 'deadlock', state: i });
  }
  return finish({ kind: 'complete' });
}

function sameBuffer(a: Int32Array, b: Int32Array): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function depthOf(parent: Int32Array, index: number): number {
  let d = 1;
  for (let k = index; parent[k]! !== -1; k = parent[k]!) d++;
  return d;
}
