/**
 * PCT (probabilistic concurrency testing) as a choice source.
 *
 * A "thread" is a process together with the kind of event (its label), so
 * that, say, the coordinator's store commits and its replies can overtake
 * each other. Each thread gets a distinct random priority when it first shows
 * up among due events; a `schedule` choice always picks the due event whose
 * thread has the highest priority. Before the run, d - 1 change points are drawn
 * uniformly among the first `stepsEstimate` schedule choices; at the i-th
 * change point the thread just picked drops to priority i, below every
 * initial priority. A bug that needs d specific orderings is thus hit with
 * probability about 1 / (processes x steps^(d-1)) per seed, far better than
 * uniform random picks for deep ordering bugs.
 *
 * Fault and data choices are drawn exactly as by RandomChoiceSource, from
 * the same seed, so PCT changes only the order of simultaneous events. Every
 * choice is logged, so a PCT run replays from its vector like any other.
 */
import seedrandom from 'seedrandom';
import type { ChoiceCandidate, ChoiceKind, ChoiceSource } from './choice-source.ts';
import { RandomChoiceSource } from './random-choice-source.ts';

/** Initial priorities sit above this, change-point priorities below it. */
const PRIORITY_BASE = 1_000_000;

export class PctChoiceSource implements ChoiceSource {
  private readonly random: RandomChoiceSource;
  private readonly prng: () => number;
  private readonly priorities = new Map<string, number>();
  private readonly changePoints: number[];
  private scheduleChoices = 0;

  constructor(seed: number, depth: number, stepsEstimate: number) {
    this.random = new RandomChoiceSource(seed);
    this.prng = seedrandom.alea(`${seed}/pct`);
    this.changePoints = [];
    for (let i = 1; i < depth; i++) this.changePoints.push(1 + Math.floor(this.prng() * Math.max(1, stepsEstimate)));
  }

  get log() {
    return this.random.log;
  }

  choose(kind: ChoiceKind, stream: string, n: number, probabilityOfOne?: number, candidates?: readonly ChoiceCandidate[]): number {
    if (kind !== 'schedule' || candidates === undefined || n <= 1) return this.random.choose(kind, stream, n, probabilityOfOne);
    this.scheduleChoices++;
    let best = 0;
    for (let i = 1; i < n; i++) if (this.priorityOf(candidates[i]!) > this.priorityOf(candidates[best]!)) best = i;
    const change = this.changePoints.indexOf(this.scheduleChoices);
    if (change >= 0) this.priorities.set(threadOf(candidates[best]!), change + 1);
    this.random.log.push(kind, n, best);
    return best;
  }

  private priorityOf(c: ChoiceCandidate): number {
    const thread = threadOf(c);
    let p = this.priorities.get(thread);
    if (p === undefined) {
      // Distinct random priorities: a random fraction above the base, tie broken by arrival order.
      p = PRIORITY_BASE + Math.floor(this.prng() * PRIORITY_BASE) * 64 + this.priorities.size;
      this.priorities.set(thread, p);
    }
    return p;
  }
}

function threadOf(c: ChoiceCandidate): string {
  return `${c.proc.name}|${c.label}`;
}
