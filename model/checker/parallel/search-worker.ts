/**
 * One worker thread of a parallel breadth-first search (see parallel-bfs.ts).
 *
 * The worker builds the model itself (a registered id, or a model file by
 * path), then serves phases: the coordinator publishes a frontier range and
 * bumps the phase; the worker takes CHUNK states at a time from the shared
 * cursor, expands them, and adds each new successor to the shared visited
 * set and, if it was new, to the shared store (index by atomic increment).
 * It stops early when a state breaks an invariant, deadlocks or runs faulty
 * model code (its result goes in its own control cells), when another
 * worker said stop, or when the visited set needs to grow (pause). The
 * phase ends with the worker's count in DONE.
 */
import { MessagePort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { sameWords } from '../codec.ts';
import { compile, type Compiled } from '../compile.ts';
import type { ModelDef } from '../define.ts';
import { Expander, FAULT, STOPPED } from '../expander.ts';
import type { View } from '../facade.ts';
import { faultMessage } from '../fault.ts';
import { fingerprint } from '../fingerprint.ts';
import { loadModelFile, looksLikeModelPath } from '../../model-file.ts';
import { getModel } from '../../registry.ts';
import { CHUNK, CTL, RESULT, ensureBytes, type WorkerReport, type WorkerRequest } from './shared-search.ts';
import { SharedFingerprintSet } from './shared-set.ts';

const request = (workerData as { request: WorkerRequest; port: MessagePort }).request;
const port = (workerData as { port: MessagePort }).port;
const ctl = new Int32Array(request.buffers.control);

async function modelDef(): Promise<ModelDef> {
  const builtIn = getModel(request.model);
  if (builtIn) return builtIn;
  if (!looksLikeModelPath(request.model)) throw new Error(`unknown model ${request.model}`);
  const loaded = await loadModelFile(request.model);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.value;
}

function post(report: WorkerReport): void {
  port.postMessage(report);
}

class Search {
  readonly ex: Expander;
  readonly K: number;
  // Fixed-length views, renewed when a buffer has grown: length-tracking views are slower to index.
  store!: Uint32Array;
  parent!: Int32Array;
  via!: Int32Array;
  /** States the views can hold. */
  capacity = 0;
  set: SharedFingerprintSet;
  readonly fp = new Int32Array(2);
  readonly invs: ((s: View) => boolean)[];
  readonly instFair: Int32Array;
  generated = 0;
  readonly fired: Float64Array;
  readonly discovered: Float64Array;
  current = 0;
  readonly result = CTL.RESULTS + 4 * request.worker;

  constructor(readonly model: Compiled) {
    this.ex = new Expander(model, !request.fast);
    this.K = model.layout.words;
    this.refresh();
    this.set = new SharedFingerprintSet(request.buffers.set);
    this.invs = request.invariants.map((i) => model.spec.invariants[i]!.holds as (s: View) => boolean);
    this.instFair = Int32Array.from(model.instances, (x) => x.fairMask);
    this.fired = new Float64Array(model.instances.length);
    this.discovered = new Float64Array(model.instances.length);
  }

  refresh(): void {
    const b = request.buffers;
    this.capacity = Math.min(Math.floor(b.store.byteLength / (this.K * 4)), b.parent.byteLength >> 2, b.via.byteLength >> 2);
    this.store = new Uint32Array(b.store, 0, this.capacity * this.K);
    this.parent = new Int32Array(b.parent, 0, this.capacity);
    this.via = new Int32Array(b.via, 0, this.capacity);
  }

  /** Makes room for state n, growing the shared buffers if no thread has yet; false when they cannot grow. */
  room(n: number): boolean {
    const b = request.buffers;
    if (!(ensureBytes(b.store, (n + 1) * this.K * 4) && ensureBytes(b.parent, (n + 1) * 4) && ensureBytes(b.via, (n + 1) * 4))) return false;
    this.refresh();
    return true;
  }

  /** Records this worker's result and tells every worker to stop. */
  finish(kind: number, state: number, invariant = -1): void {
    ctl[this.result] = kind;
    ctl[this.result + 1] = state;
    ctl[this.result + 2] = invariant;
    Atomics.store(ctl, CTL.STOP, 1);
  }

  readonly visit = (j: number): boolean => {
    const { ex, K, fp } = this;
    this.generated++;
    this.fired[j]!++;
    if (sameWords(ex.packed, 0, this.store, this.current * K, K)) return true;
    fingerprint(ex.packed, 0, K, fp);
    if (!this.set.insert(fp[0]!, fp[1]!)) return true;
    const n = Atomics.add(ctl, CTL.COUNT, 1);
    if (n >= this.capacity && !this.room(n)) {
      this.finish(RESULT.FULL, n);
      return false;
    }
    this.store.set(ex.packed, n * K);
    this.parent[n] = this.current;
    this.via[n] = j;
    this.discovered[j]!++;
    let k = 0;
    try {
      for (k = 0; k < this.invs.length; k++) {
        if (!this.invs[k]!(ex.nxt)) {
          this.finish(RESULT.INVARIANT, n, request.invariants[k]!);
          return false;
        }
      }
    } catch (error) {
      const name = this.model.spec.invariants[request.invariants[k]!]!.name;
      post({ type: 'fault', from: n, message: faultMessage(this.model, { kind: 'exception', site: { kind: 'invariant', name }, error }), trace: true });
      this.finish(RESULT.FAULT, n);
      return false;
    }
    if (n + 1 >= ctl[CTL.MAX_STATES]!) Atomics.store(ctl, CTL.STOP, 1);
    if (n >= ctl[CTL.LIMIT]!) Atomics.store(ctl, CTL.PAUSE, 1);
    return true;
  };

  expandState(i: number): boolean {
    const { ex } = this;
    this.current = i;
    // The state may have been stored by another thread after this one's views were made.
    if (i >= this.capacity) this.refresh();
    ex.load(this.store, i * this.K);
    const successors = ex.expand(this.visit);
    if (successors === FAULT) {
      post({ type: 'fault', from: i, message: faultMessage(this.model, ex.fault!), trace: true });
      this.finish(RESULT.FAULT, i);
      return false;
    }
    if (successors === STOPPED) return false;
    if (successors === 0 && request.checkDeadlock) {
      try {
        if (!this.model.spec.terminal(ex.cur as never)) {
          this.finish(RESULT.DEADLOCK, i);
          return false;
        }
      } catch (error) {
        post({ type: 'fault', from: i, message: faultMessage(this.model, { kind: 'exception', site: { kind: 'terminal' }, error }), trace: true });
        this.finish(RESULT.FAULT, i);
        return false;
      }
    }
    return true;
  }

  phase(): void {
    for (;;) {
      const m = receiveMessageOnPort(port);
      if (m === undefined) break;
      this.set = new SharedFingerprintSet((m.message as { set: SharedArrayBuffer }).set);
    }
    const end = Atomics.load(ctl, CTL.LEVEL_END);
    while (Atomics.load(ctl, CTL.STOP) === 0 && Atomics.load(ctl, CTL.PAUSE) === 0) {
      const start = Atomics.add(ctl, CTL.CURSOR, CHUNK);
      if (start >= end) break;
      const last = Math.min(start + CHUNK, end);
      for (let i = start; i < last; i++) if (!this.expandState(i)) return;
    }
  }
}

async function serve(): Promise<void> {
  const def = await modelDef();
  const search = new Search(compile(def.build(request.constants), { guardArrays: !request.fast, symmetry: request.symmetry }));
  Atomics.add(ctl, CTL.READY, 1);
  Atomics.notify(ctl, CTL.READY);
  let phase = 0;
  for (;;) {
    Atomics.wait(ctl, CTL.PHASE, phase);
    phase = Atomics.load(ctl, CTL.PHASE);
    if (Atomics.load(ctl, CTL.QUIT) === 1) break;
    search.phase();
    Atomics.add(ctl, CTL.DONE, 1);
    Atomics.notify(ctl, CTL.DONE);
  }
  post({ type: 'counters', generated: search.generated, fired: search.fired, discovered: search.discovered });
}

serve().catch((err: unknown) => {
  post({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  Atomics.store(ctl, CTL.FAILED, 1);
  Atomics.store(ctl, CTL.STOP, 1);
  // Count as ready and done so the coordinator never waits on this worker.
  Atomics.add(ctl, CTL.READY, 1);
  Atomics.notify(ctl, CTL.READY);
  Atomics.add(ctl, CTL.DONE, 1);
  Atomics.notify(ctl, CTL.DONE);
});
