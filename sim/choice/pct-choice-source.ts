/**
 * PCT (probabilistic concurrency testing) for a timed world, as a choice
 * source.
 *
 * In a timed world few events are due at the same instant; what decides the
 * interleaving is how long each message takes. So PCT here orders message
 * deliveries as well as simultaneous events:
 *
 * - Threads. A thread is a process together with the label of the event it
 *   is handling (its context), so that, say, the coordinator's store commits
 *   and its replies are separate threads. Each thread gets a distinct random
 *   priority when it first shows up.
 * - Deliveries. A message takes a latency from its range according to the
 *   priority of the thread that sends it: the highest-priority thread's
 *   messages take the minimum, the lowest's the maximum, in proportion
 *   between. Messages of one thread (a request and its network duplicate, a
 *   retry and the slow original it overtakes) thus travel alike and arrive
 *   together, and messages of different threads in flight together arrive in
 *   priority order.
 * - Change points. Before the run, d - 1 change points are drawn uniformly
 *   among the first `stepsEstimate` message sends. The message sent at a
 *   change point is demoted below everything: it takes the top of its
 *   latency range and, where the world holds requests back or makes messages
 *   slow at all, it is held back past its caller's timeout or made slow.
 * - Simultaneous events are ordered by thread priority, and at each of d - 1
 *   change points among the schedule choices the running thread drops below
 *   all others, as in the original PCT.
 *
 * Everything else (the swarm's world, the workload, every other fault
 * decision, slow extras) is drawn exactly as by RandomChoiceSource from the
 * same seed, so a pct seed runs in the same world as the random seed of the
 * same number. Every choice is logged, so a PCT run replays from its vector
 * like any other.
 */
import seedrandom from 'seedrandom';
import { ChoiceLog, type ChoiceCandidate, type ChoiceKind, type ChoiceSource } from './choice-source.ts';
import { RandomChoiceSource } from './random-choice-source.ts';

/** The stream the network draws a message's latency (and its slow extra) on. */
const LATENCY_STREAM = 'net.latency';
/** The stream of the network's "this message is slow" decision. */
const SLOW_STREAM = 'net.slow';
/** The stream of the network's "this request is held back" decision, drawn before the request's latency. */
const LATE_STREAM = 'net.late';
/** Initial priorities sit above this, change-point priorities below it. */
const PRIORITY_BASE = 1_000_000;
/** The context of draws made before the first event is dispatched. */
const SETUP_THREAD = 'setup';

export class PctChoiceSource implements ChoiceSource {
  /** Draws everything PCT does not steer; its log is the run's, and PCT adds the choices it makes itself. */
  private readonly random: RandomChoiceSource;
  private readonly prng: () => number;
  private readonly priorities = new Map<string, number>();
  private readonly scheduleChangePoints: number[];
  private readonly messageChangePoints: number[];
  private scheduleChoices = 0;
  private messages = 0;
  private thread = SETUP_THREAD;
  /** Set while the message just sent is demoted: its slow decision is forced. */
  private demoted = false;
  /** The next latency draw is the slow extra of the message just sent, not a new message. */
  private expectExtra = false;

  constructor(seed: number, depth: number, stepsEstimate: number) {
    this.random = new RandomChoiceSource(seed);
    this.prng = seedrandom.alea(`${seed}/pct`);
    this.scheduleChangePoints = this.drawChangePoints(depth, stepsEstimate);
    this.messageChangePoints = this.drawChangePoints(depth, stepsEstimate);
  }

  get log(): ChoiceLog {
    return this.random.log;
  }

  noteDispatch(event: ChoiceCandidate): void {
    this.thread = threadOf(event);
  }

  choose(kind: ChoiceKind, stream: string, n: number, probabilityOfOne?: number, candidates?: readonly ChoiceCandidate[]): number {
    // A slow extra is drawn right after the slow decision or not at all.
    const extraPending = this.expectExtra;
    this.expectExtra = false;
    let value: number;
    if (kind === 'schedule' && candidates !== undefined && n > 1) value = this.schedule(candidates);
    else if (kind === 'data' && stream === LATENCY_STREAM && n > 1) {
      // A slow extra is drawn (and logged) by the random source itself.
      if (extraPending) return this.latency(n, true);
      value = this.latency(n, false);
    } else if (kind === 'fault' && stream === SLOW_STREAM && this.demoted) value = this.forceSlow(n, probabilityOfOne);
    else if (kind === 'fault' && stream === LATE_STREAM && this.messageChangePoints.includes(this.messages + 1)) value = 1;
    else return this.drawRandom(kind, stream, n, probabilityOfOne);
    this.random.log.push(kind, n, value);
    return value;
  }

  /** Among simultaneous events, the one whose thread has the highest priority runs. */
  private schedule(candidates: readonly ChoiceCandidate[]): number {
    this.scheduleChoices++;
    let best = 0;
    for (let i = 1; i < candidates.length; i++) if (this.priorityOf(threadOf(candidates[i]!)) > this.priorityOf(threadOf(candidates[best]!))) best = i;
    const change = this.scheduleChangePoints.indexOf(this.scheduleChoices);
    if (change >= 0) this.priorities.set(threadOf(candidates[best]!), change + 1);
    return best;
  }

  /** A message's latency by its thread's priority (or, right after a slow decision, its slow extra). */
  private latency(n: number, extra: boolean): number {
    if (extra) {
      this.demoted = false;
      return this.random.choose('data', LATENCY_STREAM, n);
    }
    this.messages++;
    this.demoted = this.messageChangePoints.includes(this.messages);
    if (this.demoted) return n - 1;
    return Math.round((n - 1) * this.lateness(this.thread));
  }

  /** A demoted message is slow whenever the world lets messages be slow at all. */
  private forceSlow(n: number, probabilityOfOne: number | undefined): number {
    const slow = n > 1 && (probabilityOfOne ?? 1) > 0;
    this.expectExtra = slow;
    if (!slow) this.demoted = false;
    return slow ? 1 : 0;
  }

  private drawRandom(kind: ChoiceKind, stream: string, n: number, probabilityOfOne: number | undefined): number {
    const value = this.random.choose(kind, stream, n, probabilityOfOne);
    // A message that was not made slow has no extra delay to draw.
    if (stream === SLOW_STREAM) this.expectExtra = value === 1;
    return value;
  }

  /** Where a thread's priority puts its messages in their latency range: 0 fastest, 1 slowest. */
  private lateness(thread: string): number {
    const p = this.priorityOf(thread);
    if (p < PRIORITY_BASE) return 1;
    return 1 - (p - PRIORITY_BASE) / (PRIORITY_BASE * 64);
  }

  private priorityOf(thread: string): number {
    let p = this.priorities.get(thread);
    if (p === undefined) {
      // Distinct random priorities: a random fraction above the base, tie broken by arrival order.
      p = PRIORITY_BASE + Math.floor(this.prng() * PRIORITY_BASE) * 64 + (this.priorities.size % 64);
      this.priorities.set(thread, p);
    }
    return p;
  }

  private drawChangePoints(depth: number, stepsEstimate: number): number[] {
    const points: number[] = [];
    for (let i = 1; i < depth; i++) points.push(1 + Math.floor(this.prng() * Math.max(1, stepsEstimate)));
    return points;
  }
}

function threadOf(c: ChoiceCandidate): string {
  return `${c.proc.name}|${c.label}`;
}
