/**
 * Simulation mode: seeded random walks for state spaces too large to exhaust.
 *
 * Each walk starts at the initial state and, up to a depth bound, generates
 * every successor of the current state, checks the invariants on each of them
 * (so a violation one step off the walk is still caught), then moves to one
 * chosen uniformly by a seeded generator. The same seed gives the same walks.
 * Distinct states are counted with the same fingerprint table as the BFS.
 */
import seedrandom from 'seedrandom';
import { pack, sameWords, unpack } from './codec.ts';
import type { Compiled } from './compile.ts';
import { fingerprint } from './fingerprint.ts';
import { FingerprintTable } from './fp-table.ts';
import type { BfsEnd } from './bfs.ts';
import type { Progress } from './result.ts';

export interface SimOptions {
  readonly seed: string;
  readonly depth: number;
  readonly walks: number;
  readonly invariants: readonly number[];
  readonly checkDeadlock: boolean;
  readonly maxStates: number;
  readonly onProgress?: (p: Progress) => void;
}

export interface SimOutput {
  /** Same ends as the BFS; `state` indexes `trace`, the walk that ended it. */
  readonly end: BfsEnd;
  /** Packed states of the final walk (or the failing one) and the instance into each. */
  readonly trace: { readonly states: Uint32Array[]; readonly vias: number[] };
  readonly generated: number;
  readonly distinct: number;
  readonly depth: number;
  readonly fired: Float64Array;
  readonly durationMs: number;
}

export function simulate(model: Compiled, opts: SimOptions): SimOutput {
  const started = performance.now();
  const { layout, instances, runs } = model;
  const K = layout.words;
  const rng = seedrandom(opts.seed);
  const cur = new Int32Array(layout.width);
  const nxt = new Int32Array(layout.width);
  const s = model.view(nxt);
  const invs = opts.invariants.map((i) => model.spec.invariants[i]!.holds);
  const table = new FingerprintTable();
  const fp = new Int32Array(2);
  const fired = new Float64Array(instances.length);
  const candidates: { packed: Uint32Array; via: number }[] = [];
  let generated = 0;
  let maxDepth = 0;
  let states: Uint32Array[] = [];
  let vias: number[] = [];
  const out = (end: BfsEnd): SimOutput => ({
    end,
    trace: { states, vias },
    generated,
    distinct: table.size,
    depth: maxDepth,
    fired,
    durationMs: performance.now() - started,
  });
  const record = (packed: Uint32Array): void => {
    fingerprint(packed, 0, K, fp);
    table.putIfAbsent(fp[0]!, fp[1]!, table.size);
  };
  const failed = (): number => {
    for (let k = 0; k < invs.length; k++) if (!invs[k]!(s)) return opts.invariants[k]!;
    return -1;
  };

  for (let w = 0; w < opts.walks; w++) {
    const init = new Uint32Array(K);
    nxt.set(model.initBuffer);
    const badInit = pack(layout, nxt, init, 0);
    if (badInit !== -1) return out({ kind: 'range-error', from: -1, instance: -1, slot: badInit, value: nxt[badInit]! });
    states = [init];
    vias = [-1];
    generated++;
    record(init);
    const bad0 = failed();
    if (bad0 !== -1) return out({ kind: 'invariant', invariant: bad0, state: 0 });
    for (let step = 0; step < opts.depth; step++) {
      const here = states[states.length - 1]!;
      unpack(layout, here, 0, cur);
      candidates.length = 0;
      let successors = 0;
      for (let j = 0; j < instances.length; j++) {
        nxt.set(cur);
        const inst = instances[j]!;
        if (!runs[inst.action]!(s, inst.a, inst.b, inst.c)) continue;
        successors++;
        generated++;
        fired[j]!++;
        const packed = new Uint32Array(K);
        const badSlot = pack(layout, nxt, packed, 0);
        if (badSlot !== -1) return out({ kind: 'range-error', from: states.length - 1, instance: j, slot: badSlot, value: nxt[badSlot]! });
        if (sameWords(packed, 0, here, 0, K)) continue;
        record(packed);
        const bad = failed();
        if (bad !== -1) {
          states.push(packed);
          vias.push(j);
          maxDepth = Math.max(maxDepth, states.length);
          return out({ kind: 'invariant', invariant: bad, state: states.length - 1 });
        }
        candidates.push({ packed, via: j });
      }
      nxt.set(cur);
      if (successors === 0 && opts.checkDeadlock && !model.spec.terminal(s)) return out({ kind: 'deadlock', state: states.length - 1 });
      if (candidates.length === 0) break;
      const pick = candidates[Math.floor(rng() * candidates.length)]!;
      states.push(pick.packed);
      vias.push(pick.via);
    }
    maxDepth = Math.max(maxDepth, states.length);
    if (opts.onProgress && (w & 255) === 255) {
      opts.onProgress({ generatedStates: generated, distinctStates: table.size, queued: opts.walks - w - 1, depth: maxDepth, elapsedMs: performance.now() - started });
    }
    if (table.size >= opts.maxStates) return out({ kind: 'stopped', distinct: table.size });
  }
  return out({ kind: 'complete' });
}
