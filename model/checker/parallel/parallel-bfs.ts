/**
 * Breadth-first search on several worker threads sharing one visited set.
 *
 * The search goes level by level, as the single-threaded one does, so depth
 * and the first violation's trace length are the same: the coordinator
 * (this thread) computes the initial states, then for each level publishes
 * the frontier (a range of the shared store) and wakes the workers, which
 * take chunks of it from a shared cursor and append new states after it
 * (search-worker.ts). When every worker is done the next level is what was
 * appended. When the visited set fills up, the workers pause at a chunk's
 * end and the coordinator grows it before the level resumes. Among results
 * found in one level, the one with the shortest trace wins.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { BfsEnd, BfsOptions, BfsOutput } from '../bfs.ts';
import type { Compiled } from '../compile.ts';
import { Expander, FAULT } from '../expander.ts';
import { fingerprint } from '../fingerprint.ts';
import type { View } from '../facade.ts';
import type { StateGraph } from '../graph.ts';
import { CONTROL_CELLS, CTL, RESULT, ensureBytes, growableBuffer, type GrowableBuffer, type SharedBuffers, type WorkerReport, type WorkerRequest } from './shared-search.ts';
import { SET_LOAD, SharedFingerprintSet } from './shared-set.ts';

const BOOTSTRAP = new URL('./bootstrap.mjs', import.meta.url);

export interface ParallelOptions extends BfsOptions {
  readonly workers: number;
  /** What the workers build the model from: a registered id or an absolute file path. */
  readonly model: string;
  readonly constants: Readonly<Record<string, number>>;
  readonly fast: boolean;
  readonly symmetry: boolean;
  /** Slots of the visited set to start with (tests start small to exercise growth). */
  readonly setCapacity?: number;
}

/** A fault a worker reported: the message, computed where the model code ran. */
export type ParallelEnd = BfsEnd | { readonly kind: 'reported-fault'; readonly from: number; readonly message: string };

export type ParallelOutput = Omit<BfsOutput, 'end'> & { readonly end: ParallelEnd };

interface Running {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly exited: Promise<void>;
}

function waitUntil(ctl: Int32Array, cell: number, target: number): boolean {
  for (;;) {
    const v = Atomics.load(ctl, cell);
    if (v >= target) return true;
    if (Atomics.load(ctl, CTL.FAILED) === 1) return false;
    Atomics.wait(ctl, cell, v, 100);
  }
}

export async function parallelBfs(model: Compiled, opts: ParallelOptions): Promise<ParallelOutput> {
  const started = performance.now();
  const K = model.layout.words;
  const W = opts.workers;
  const maxBytes = Math.min(opts.maxBytes ?? 2 ** 34, 2 ** 40);
  // V8 reserves at most 4 GiB for one growable buffer.
  const growable = (): GrowableBuffer => growableBuffer(1 << 20, Math.min(maxBytes, 2 ** 32));
  let set = SharedFingerprintSet.create(opts.setCapacity ?? 1 << 20);
  const buffers: SharedBuffers = { control: new SharedArrayBuffer(CONTROL_CELLS * 4), store: growable(), parent: growable(), via: growable(), set: set.buffer };
  const ctl = new Int32Array(buffers.control);
  const store = new Uint32Array(buffers.store);
  const parent = new Int32Array(buffers.parent);
  const via = new Int32Array(buffers.via);
  const fired = new Float64Array(model.instances.length);
  const discovered = new Float64Array(model.instances.length);
  let generated = 0;
  let depth = 0;
  const bytes = (): number => buffers.store.byteLength + buffers.parent.byteLength + buffers.via.byteLength + set.buffer.byteLength;
  const graph = (): StateGraph => {
    const count = Math.min(Atomics.load(ctl, CTL.COUNT), Math.floor(buffers.parent.byteLength / 4));
    return { count, words: K, store: store.subarray(0, count * K), parent: parent.subarray(0, count), via: via.subarray(0, count) };
  };
  const output = (end: ParallelEnd): ParallelOutput => {
    const g = graph();
    // As the single-threaded search counts it: states on the path to the last state stored (all of the last level are equally deep).
    let d = g.count > 0 ? 1 : 0;
    for (let k = g.count - 1; k >= 0 && g.parent[k]! !== -1; k = g.parent[k]!) d++;
    return { end, graph: g, depth: Math.max(depth, d), generated, fired, discovered, initialStates: initial, durationMs: performance.now() - started, bytes: bytes() };
  };

  // The initial states, on this thread.
  const ex = new Expander(model, opts.checkLeaks);
  const fp = new Int32Array(2);
  const invs = opts.invariants.map((i) => model.spec.invariants[i]!.holds as (s: View) => boolean);
  const inits = ex.initials(() => {
    generated++;
    fingerprint(ex.packed, 0, K, fp);
    if (!set.insert(fp[0]!, fp[1]!)) return true;
    const n = Atomics.add(ctl, CTL.COUNT, 1);
    ensureBytes(buffers.store, (n + 1) * K * 4);
    ensureBytes(buffers.parent, (n + 1) * 4);
    ensureBytes(buffers.via, (n + 1) * 4);
    store.set(ex.packed, n * K);
    parent[n] = -1;
    via[n] = -1;
    return true;
  });
  const initial = Atomics.load(ctl, CTL.COUNT);
  if (inits === FAULT) return output({ kind: 'fault', from: -1, fault: ex.fault! });
  if (initial === 0) return output({ kind: 'fault', from: -1, fault: { kind: 'exception', site: { kind: 'init' }, error: new Error('no initial state: init returned false for every choice') } });
  depth = 1;
  for (let i = 0; i < initial; i++) {
    ex.load(store, i * K);
    for (let k = 0; k < invs.length; k++) if (!invs[k]!(ex.nxt)) return output({ kind: 'invariant', invariant: opts.invariants[k]!, state: i });
  }

  const running: Running[] = [];
  for (let w = 0; w < W; w++) {
    const channel = new MessageChannel();
    const request: WorkerRequest = { model: opts.model, constants: opts.constants, invariants: opts.invariants, fast: opts.fast, symmetry: opts.symmetry, checkDeadlock: opts.checkDeadlock, worker: w, buffers };
    const worker = new Worker(BOOTSTRAP, { workerData: { request, port: channel.port2 }, transferList: [channel.port2] });
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    running.push({ worker, port: channel.port1, exited });
  }
  const reports: WorkerReport[] = [];
  const drain = (): void => {
    for (const r of running) {
      for (let m = receiveMessageOnPort(r.port); m !== undefined; m = receiveMessageOnPort(r.port)) reports.push(m.message as WorkerReport);
    }
  };
  const quit = async (end: ParallelEnd): Promise<ParallelOutput> => {
    Atomics.store(ctl, CTL.QUIT, 1);
    Atomics.add(ctl, CTL.PHASE, 1);
    Atomics.notify(ctl, CTL.PHASE);
    await Promise.all(running.map((r) => r.exited));
    drain();
    for (const r of reports) {
      if (r.type !== 'counters') continue;
      generated += r.generated;
      r.fired.forEach((v, j) => (fired[j]! += v));
      r.discovered.forEach((v, j) => (discovered[j]! += v));
    }
    return output(end);
  };
  // Workers build their model (a file import, for a model file) before they can serve.
  while (Atomics.load(ctl, CTL.READY) < W && Atomics.load(ctl, CTL.FAILED) === 0) await new Promise((r) => setTimeout(r, 5));
  const failure = (): Error => {
    drain();
    const e = reports.find((r) => r.type === 'error');
    return new Error(`a search worker failed: ${e?.type === 'error' ? e.message : 'no message'}`);
  };
  if (Atomics.load(ctl, CTL.FAILED) === 1) {
    await quit({ kind: 'complete' });
    throw failure();
  }

  Atomics.store(ctl, CTL.MAX_STATES, Math.min(opts.maxStates, 2 ** 31 - 1));
  let levelStart = 0;
  let levelEnd = initial;
  while (levelStart < levelEnd) {
    Atomics.store(ctl, CTL.CURSOR, levelStart);
    Atomics.store(ctl, CTL.LEVEL_END, levelEnd);
    for (;;) {
      Atomics.store(ctl, CTL.DONE, 0);
      Atomics.store(ctl, CTL.PAUSE, 0);
      Atomics.store(ctl, CTL.LIMIT, Math.floor(set.capacity * SET_LOAD));
      Atomics.add(ctl, CTL.PHASE, 1);
      Atomics.notify(ctl, CTL.PHASE);
      if (!waitUntil(ctl, CTL.DONE, W)) {
        await quit({ kind: 'complete' });
        throw failure();
      }
      if (Atomics.load(ctl, CTL.STOP) === 1 || Atomics.load(ctl, CTL.PAUSE) === 0) break;
      // The visited set is full: grow it while every worker waits, then resume the same level.
      if (bytes() + set.buffer.byteLength * 2 > maxBytes) return quit({ kind: 'stopped', distinct: Atomics.load(ctl, CTL.COUNT), memory: true });
      set = set.grown();
      for (const r of running) r.port.postMessage({ set: set.buffer });
    }
    const count = Atomics.load(ctl, CTL.COUNT);
    if (Atomics.load(ctl, CTL.STOP) === 1) return quit(resultOf(ctl, W, count, parent, reports, drain));
    opts.onProgress?.({ generatedStates: generated, distinctStates: count, queued: count - levelEnd, depth, elapsedMs: performance.now() - started, bytes: bytes() });
    levelStart = levelEnd;
    levelEnd = count;
    if (levelEnd > levelStart) depth++;
    if (bytes() + set.buffer.byteLength > maxBytes) return quit({ kind: 'stopped', distinct: count, memory: true });
  }
  return quit({ kind: 'complete' });
}

/** The result the workers left in their cells: the one with the shortest trace (then the lowest state). */
function resultOf(ctl: Int32Array, W: number, count: number, parent: Int32Array, reports: WorkerReport[], drain: () => void): ParallelEnd {
  drain();
  const depthOf = (i: number): number => {
    let d = 1;
    for (let k = i; parent[k]! !== -1; k = parent[k]!) d++;
    return d;
  };
  let best: { kind: number; state: number; invariant: number; depth: number } | undefined;
  for (let w = 0; w < W; w++) {
    const at = CTL.RESULTS + 4 * w;
    const kind = ctl[at]!;
    if (kind === RESULT.NONE) continue;
    const state = ctl[at + 1]!;
    const candidate = { kind, state, invariant: ctl[at + 2]!, depth: kind === RESULT.FULL ? Infinity : depthOf(state) };
    if (!best || candidate.depth < best.depth || (candidate.depth === best.depth && candidate.state < best.state)) best = candidate;
  }
  if (!best) return { kind: 'stopped', distinct: count };
  switch (best.kind) {
    case RESULT.INVARIANT:
      return { kind: 'invariant', invariant: best.invariant, state: best.state };
    case RESULT.DEADLOCK:
      return { kind: 'deadlock', state: best.state };
    case RESULT.FULL:
      return { kind: 'stopped', distinct: count, memory: true };
    default: {
      const fault = reports.find((r): r is Extract<WorkerReport, { type: 'fault' }> => r.type === 'fault' && r.from === best!.state);
      return { kind: 'reported-fault', from: best.state, message: fault?.message ?? 'a worker reported a fault without a message' };
    }
  }
}
