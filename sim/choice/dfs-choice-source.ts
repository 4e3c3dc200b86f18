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
 * Bounds: a fault decision answered 1 spends one unit of the fault budget;
 * once it is spent, later fault decisions have one option only (no fault).
 * Branching choices beyond `maxDepth` have one option only, so a run past the
 * depth bound continues along its simplest path. `data` choices (latencies,
 * workload draws) are not enumerated: they are always 0.
 *
 * Optional sleep sets (see sleep-set.ts) skip orderings of due events that
 * are known to reach a state already explored.
 */
import { ChoiceLog, type ChoiceCandidate, type ChoiceKind, type ChoiceSource } from './choice-source.ts';
import { candidateKey, SleepSet } from './sleep-set.ts';

export interface DfsNode {
  kind: 'schedule' | 'fault';
  /** Number of options the kernel offered. */
  n: number;
  /** The option this path takes. */
  value: number;
  /** Options this node may take: 1 when a bound forbids branching here. */
  limit: number;
  /** For schedule nodes under sleep sets: keys of the candidates, and which of them are asleep. */
  keys?: string[];
  asleep?: boolean[];
}

export interface DfsBounds {
  /** Fault decisions answered "fire" per run, counted together. */
  maxFaults: number;
  /** Branching choices per run; deeper ones take their simplest option. */
  maxDepth: number;
  /** Use sleep sets to skip equivalent orderings. */
  sleepSets: boolean;
}

export class DfsChoiceSource implements ChoiceSource {
  readonly log = new ChoiceLog();
  /** Set when a replayed node no longer matches what the run offers: moneysim or the design is nondeterministic. */
  mismatch: string | null = null;
  private depth = 0;
  private faults = 0;
  private readonly sleep = new SleepSet();

  constructor(
    readonly path: DfsNode[],
    private readonly bounds: DfsBounds,
  ) {}

  choose(kind: ChoiceKind, _stream: string, n: number, _p?: number, candidates?: readonly ChoiceCandidate[]): number {
    if (kind === 'data' || n <= 1) {
      this.log.push(kind, n, 0);
      return 0;
    }
    const i = this.depth++;
    let node = this.path[i];
    if (node === undefined) {
      node = this.newNode(i, kind, n, candidates);
      this.path.push(node);
    } else if (node.kind !== kind || node.n !== n) {
      this.mismatch ??= `branching choice ${i}: expected ${node.kind} of ${node.n}, the run offered ${kind} of ${n}`;
    }
    const value = Math.min(node.value, n - 1);
    if (kind === 'fault' && value === 1) this.faults++;
    if (kind === 'schedule' && this.bounds.sleepSets && candidates !== undefined) this.sleep.afterChoice(node, value, candidates);
    this.log.push(kind, n, value);
    return value;
  }

  private newNode(i: number, kind: 'schedule' | 'fault', n: number, candidates?: readonly ChoiceCandidate[]): DfsNode {
    const deep = i >= this.bounds.maxDepth;
    if (kind === 'fault') return { kind, n, value: 0, limit: deep || this.faults >= this.bounds.maxFaults ? 1 : 2 };
    if (deep) return { kind, n, value: 0, limit: 1 };
    if (!this.bounds.sleepSets || candidates === undefined) return { kind, n, value: 0, limit: n };
    const keys = candidates.map(candidateKey);
    const asleep = this.sleep.asleepAmong(keys);
    const first = asleep.indexOf(false);
    // Every due event asleep: each ordering from here was explored elsewhere; follow one without branching.
    if (first < 0) return { kind, n, value: 0, limit: 1, keys, asleep: asleep.map(() => false) };
    return { kind, n, value: first, limit: n, keys, asleep };
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
