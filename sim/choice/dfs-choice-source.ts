/**
 * The choice source of stateless depth-first enumeration.
 *
 * The explorer keeps the path from the root of the choice tree to the run
 * under way: one node per branching choice (a `schedule` choice among two or
 * more due events, or a `fault` decision). A run follows the path's values as
 * far as the path goes and answers every choice beyond it with its simplest
 * option (0), appending a node for each. After the run, `advance` moves to
 * the next leaf in depth-first order: it drops exhausted nodes from the end
 * and bumps the deepest node that still has an untried option.
 *
 * Bounds: a fault decision answered with any form of the fault (a non-zero
 * value; most faults have one form, a late request has two) spends one unit of the fault budget;
 * once it is spent, later fault decisions have one option only (no fault).
 * Branching choices beyond `maxDepth` have one option only, so a run past the
 * depth bound continues along its simplest path. `data` choices (latencies,
 * workload draws) are not enumerated: they are always 0.
 *
 * With an independence relation, sleep sets (sleep-set.ts) skip orderings of
 * simultaneous events that reach states already explored.
 */
import { ChoiceLog, type ChoiceCandidate, type ChoiceKind, type ChoiceSource } from './choice-source.ts';
import { eventKey, SleepSet, type Independence } from './sleep-set.ts';

export interface DfsNode {
  kind: 'schedule' | 'fault';
  /** Number of options the kernel offered. */
  n: number;
  /** The option this path takes. */
  value: number;
  /** Options this node may take: 1 when a bound forbids branching here. */
  limit: number;
  /** Under sleep sets: which options are asleep here (never taken). */
  asleep?: boolean[];
}

export interface DfsBounds {
  /** Fault decisions answered "fire" per run, counted together. */
  maxFaults: number;
  /** Branching choices per run; deeper ones take their simplest option. */
  maxDepth: number;
  /** When given, sleep sets prune orderings of independent simultaneous events. */
  independent?: Independence;
}

export class DfsChoiceSource implements ChoiceSource {
  readonly log = new ChoiceLog();
  /** Set when a replayed node no longer matches what the run offers: moneysim or the design is nondeterministic. */
  mismatch: string | null = null;
  private depth = 0;
  private faults = 0;
  private readonly sleep: SleepSet | null;

  constructor(
    readonly path: DfsNode[],
    private readonly bounds: DfsBounds,
  ) {
    this.sleep = bounds.independent === undefined ? null : new SleepSet(bounds.independent);
  }

  noteDispatch(event: ChoiceCandidate): void {
    this.sleep?.dispatched(eventKey(event));
  }

  choose(kind: ChoiceKind, _stream: string, n: number, _p?: number, candidates?: readonly ChoiceCandidate[]): number {
    if (kind === 'data' || n <= 1) {
      this.log.push(kind, n, 0);
      return 0;
    }
    const i = this.depth++;
    const keys = this.sleep !== null && kind === 'schedule' && candidates !== undefined ? candidates.map(eventKey) : null;
    // Replayed or new, the sleep set must see every choice point to stay what it was when the path was made.
    const asleep = keys === null ? null : this.sleep!.asleepAmong(keys);
    let node = this.path[i];
    if (node === undefined) {
      node = this.newNode(i, kind, n, asleep);
      this.path.push(node);
    } else if (node.kind !== kind || node.n !== n) {
      this.mismatch ??= `branching choice ${i}: expected ${node.kind} of ${node.n}, the run offered ${kind} of ${n}`;
    }
    const value = Math.min(node.value, n - 1);
    if (keys !== null) this.sleep!.afterChoice(keys, value);
    if (kind === 'fault' && value >= 1) this.faults++;
    this.log.push(kind, n, value);
    return value;
  }

  private newNode(i: number, kind: 'schedule' | 'fault', n: number, asleep: boolean[] | null): DfsNode {
    const fixed = i >= this.bounds.maxDepth || this.sleep?.redundant === true;
    if (kind === 'fault') return { kind, n, value: 0, limit: fixed || this.faults >= this.bounds.maxFaults ? 1 : n };
    if (fixed || asleep === null) return { kind, n, value: 0, limit: fixed ? 1 : n };
    const first = asleep.indexOf(false);
    if (first < 0) {
      // Every due event sleeps: all orderings from here were explored elsewhere.
      this.sleep!.redundant = true;
      return { kind, n, value: 0, limit: 1 };
    }
    return { kind, n, value: first, limit: n, asleep };
  }
}

/**
 * Moves `path` to the next leaf in depth-first order. Returns false when the
 * whole bounded tree has been enumerated.
 */
export function advance(path: DfsNode[]): boolean {
  while (path.length > 0) {
    const top = path[path.length - 1]!;
    let next = top.value + 1;
    while (next < top.limit && top.asleep?.[next] === true) next++;
    if (next < top.limit) {
      top.value = next;
      return true;
    }
    path.pop();
  }
  return false;
}
