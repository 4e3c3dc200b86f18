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
import { sameWords } from './codec.ts';
import type { Compiled } from './compile.ts';
import { Expander, FAULT } from './expander.ts';
import type { View } from './facade.ts';
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
  readonly checkLeaks: boolean;
  readonly maxStates: number;
  readonly onProgress?: (p: Progress) => void;
}

export interface SimOutput {
  /** Same ends as the BFS; `state` and `from` index `trace`, the walk that ended it. */
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
  readonly ex: Expander;
  readonly invs: ((s: View) => boolean)[];
  readonly table = new FingerprintTable();
  readonly fp = new Int32Array(2);
  readonly fired: Float64Array;
  generated = 0;
  maxDepth = 0;
  states: Uint32Array[] = [];
  vias: number[] = [];
  initials: Uint32Array[] = [];

  constructor(
    readonly model: Compiled,
    readonly opts: SimOptions,
  ) {
    this.ex = new Expander(model, opts.checkLeaks);
    // Walks stay concrete: a random walk gains nothing from merging symmetric states.
    this.ex.reduce = false;
    this.invs = opts.invariants.map((i) => model.spec.invariants[i]!.holds as (s: View) => boolean);
    this.fired = new Float64Array(model.instances.length);
  }

  output(end: BfsEnd): SimOutput {
    const { generated, fired } = this;
    return { end, trace: { states: this.states, vias: this.vias }, generated, distinct: this.table.size, depth: this.maxDepth, fired, durationMs: performance.now() - this.started };
  }

  /** Records the successor in the expander's view as seen; returns the end it causes, if any. */
  visit(packed: Uint32Array, at: number): BfsEnd | undefined {
    fingerprint(packed, 0, this.model.layout.words, this.fp);
    this.table.putIfAbsent(this.fp[0]!, this.fp[1]!, this.table.size);
    let k = 0;
    try {
      for (k = 0; k < this.invs.length; k++) if (!this.invs[k]!(this.ex.nxt)) return { kind: 'invariant', invariant: this.opts.invariants[k]!, state: at };
    } catch (error) {
      return { kind: 'fault', from: at, fault: { kind: 'exception', site: { kind: 'invariant', name: this.model.spec.invariants[this.opts.invariants[k]!]!.name }, error } };
    }
    return undefined;
  }

  /** The initial states, computed once. */
  computeInitials(): BfsEnd | undefined {
    const r = this.ex.initials(() => {
      this.initials.push(this.ex.packed.slice());
      return true;
    });
    if (r === FAULT) return { kind: 'fault', from: -1, fault: this.ex.fault! };
    if (this.initials.length === 0) return { kind: 'fault', from: -1, fault: { kind: 'exception', site: { kind: 'init' }, error: new Error('no initial state: init returned false for every choice') } };
    return undefined;
  }

  /** Starts a walk at an initial state; returns an end if that state is already wrong. */
  begin(rng: () => number): BfsEnd | undefined {
    // One initial state draws nothing, so walks of single-init models do not depend on this draw.
    const init = this.initials.length === 1 ? this.initials[0]! : this.initials[Math.floor(rng() * this.initials.length)]!;
    this.states = [init];
    this.vias = [-1];
    this.generated++;
    this.ex.load(init, 0);
    return this.visit(init, 0);
  }

  /** Generates and checks every successor of the walk's last state. */
  expand(): BfsEnd | Candidate[] {
    const { model, ex } = this;
    const K = model.layout.words;
    const here = this.states[this.states.length - 1]!;
    const at = this.states.length - 1;
    ex.load(here, 0);
    const candidates: Candidate[] = [];
    let end: BfsEnd | undefined;
    const successors = ex.expand((j) => {
      this.generated++;
      this.fired[j]!++;
      if (sameWords(ex.packed, 0, here, 0, K)) return true;
      const packed = ex.packed.slice();
      end = this.visit(packed, at + 1);
      if (end) {
        this.extend({ packed, via: j });
        return false;
      }
      candidates.push({ packed, via: j });
      return true;
    });
    if (successors === FAULT) return { kind: 'fault', from: at, fault: ex.fault! };
    if (end) return end;
    if (successors === 0 && this.opts.checkDeadlock) {
      try {
        if (!model.spec.terminal(ex.cur as never)) return { kind: 'deadlock', state: at };
      } catch (error) {
        return { kind: 'fault', from: at, fault: { kind: 'exception', site: { kind: 'terminal' }, error } };
      }
    }
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
  const noInit = sim.computeInitials();
  if (noInit) return sim.output(noInit);
  for (let w = 0; w < opts.walks; w++) {
    const wrongInit = sim.begin(rng);
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
