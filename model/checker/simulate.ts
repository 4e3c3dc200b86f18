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

type Candidate = { readonly packed: Uint32Array; readonly via: number };

/** One simulation run: its walk in progress, counters and visited fingerprints. */
class Simulation {
  readonly started = performance.now();
  readonly cur: Int32Array;
  readonly nxt: Int32Array;
  readonly s: ReturnType<Compiled['view']>;
  readonly invs: ((s: never) => boolean)[];
  readonly table = new FingerprintTable();
  readonly fp = new Int32Array(2);
  readonly fired: Float64Array;
  generated = 0;
  maxDepth = 0;
  states: Uint32Array[] = [];
  vias: number[] = [];

  constructor(
    readonly model: Compiled,
    readonly opts: SimOptions,
  ) {
    this.cur = new Int32Array(model.layout.width);
    this.nxt = new Int32Array(model.layout.width);
    this.s = model.view(this.nxt);
    this.invs = opts.invariants.map((i) => model.spec.invariants[i]!.holds);
    this.fired = new Float64Array(model.instances.length);
  }

  output(end: BfsEnd): SimOutput {
    const { generated, fired } = this;
    return { end, trace: { states: this.states, vias: this.vias }, generated, distinct: this.table.size, depth: this.maxDepth, fired, durationMs: performance.now() - this.started };
  }

  /** Records the state in the working buffer as seen and returns the first invariant it breaks, or -1. */
  visit(packed: Uint32Array): number {
    fingerprint(packed, 0, this.model.layout.words, this.fp);
    this.table.putIfAbsent(this.fp[0]!, this.fp[1]!, this.table.size);
    for (let k = 0; k < this.invs.length; k++) if (!this.invs[k]!(this.s as never)) return this.opts.invariants[k]!;
    return -1;
  }

  /** Starts a walk at the initial state; returns an end if that state is already wrong. */
  begin(): BfsEnd | undefined {
    const init = new Uint32Array(this.model.layout.words);
    this.nxt.set(this.model.initBuffer);
    const bad = pack(this.model.layout, this.nxt, init, 0);
    if (bad !== -1) return { kind: 'range-error', from: -1, instance: -1, slot: bad, value: this.nxt[bad]! };
    this.states = [init];
    this.vias = [-1];
    this.generated++;
    const broken = this.visit(init);
    return broken === -1 ? undefined : { kind: 'invariant', invariant: broken, state: 0 };
  }

  /** Generates and checks every successor of the walk's last state. */
  expand(): BfsEnd | Candidate[] {
    const { model, cur, nxt, s } = this;
    const K = model.layout.words;
    const here = this.states[this.states.length - 1]!;
    unpack(model.layout, here, 0, cur);
    const candidates: Candidate[] = [];
    let successors = 0;
    for (let j = 0; j < model.instances.length; j++) {
      nxt.set(cur);
      const inst = model.instances[j]!;
      if (!model.runs[inst.action]!(s, inst.a, inst.b, inst.c)) continue;
      successors++;
      this.generated++;
      this.fired[j]!++;
      const packed = new Uint32Array(K);
      const badSlot = pack(model.layout, nxt, packed, 0);
      if (badSlot !== -1) return { kind: 'range-error', from: this.states.length - 1, instance: j, slot: badSlot, value: nxt[badSlot]! };
      if (sameWords(packed, 0, here, 0, K)) continue;
      const broken = this.visit(packed);
      if (broken !== -1) {
        this.extend({ packed, via: j });
        return { kind: 'invariant', invariant: broken, state: this.states.length - 1 };
      }
      candidates.push({ packed, via: j });
    }
    nxt.set(cur);
    if (successors === 0 && this.opts.checkDeadlock && !model.spec.terminal(s)) return { kind: 'deadlock', state: this.states.length - 1 };
    return candidates;
  }

  extend(c: Candidate): void {
    this.states.push(c.packed);
    this.vias.push(c.via);
    this.maxDepth = Math.max(this.maxDepth, this.states.length);
  }
}

export function simulate(model: Compiled, opts: SimOptions): SimOutput {
  const rng = seedrandom(opts.seed);
  const sim = new Simulation(model, opts);
  for (let w = 0; w < opts.walks; w++) {
    const wrongInit = sim.begin();
    if (wrongInit) return sim.output(wrongInit);
    sim.maxDepth = Math.max(sim.maxDepth, 1);
    for (let step = 0; step < opts.depth; step++) {
      const next = sim.expand();
      if (!Array.isArray(next)) return sim.output(next);
      if (next.length === 0) break;
      sim.extend(next[Math.floor(rng() * next.length)]!);
    }
    if (opts.onProgress && (w & 255) === 255) {
      opts.onProgress({ generatedStates: sim.generated, distinctStates: sim.table.size, queued: opts.walks - w - 1, depth: sim.maxDepth, elapsedMs: performance.now() - sim.started });
    }
    if (sim.table.size >= opts.maxStates) return sim.output({ kind: 'stopped', distinct: sim.table.size });
  }
  return sim.output({ kind: 'complete' });
}
