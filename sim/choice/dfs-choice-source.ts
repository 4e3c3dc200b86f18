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
 */
import { ChoiceLog, type ChoiceKind, type ChoiceSource } from './choice-source.ts';

export interface DfsNode {
  kind: 'schedule' | 'fault';
  /** Number of options the kernel offered. */
  n: number;
  /** The option this path takes. */
  value: number;
  /** Options this node may take: 1 when a bound forbids branching here. */
  limit: number;
}

export interface DfsBounds {
  /** Fault decisions answered "fire" per run, counted together. */
  maxFaults: number;
  /** Branching choices per run; deeper ones take their simplest option. */
  maxDepth: number;
}

export class DfsChoiceSource implements ChoiceSource {
  readonly log = new ChoiceLog();
  /** Set when a replayed node no longer matches what the run offers: moneysim or the design is nondeterministic. */
  mismatch: string | null = null;
  private depth = 0;
  private faults = 0;

  constructor(
    readonly path: DfsNode[],
    private readonly bounds: DfsBounds,
  ) {}

  choose(kind: ChoiceKind, _stream: string, n: number): number {
    if (kind === 'data' || n <= 1) {
      this.log.push(kind, n, 0);
      return 0;
    }
    const i = this.depth++;
    let node = this.path[i];
    if (node === undefined) {
      node = this.newNode(i, kind, n);
      this.path.push(node);
    } else if (node.kind !== kind || node.n !== n) {
      this.mismatch ??= `branching choice ${i}: expected ${node.kind} of ${node.n}, the run offered ${kind} of ${n}`;
    }
    const value = Math.min(node.value, n - 1);
    if (kind === 'fault' && value === 1) this.faults++;
    this.log.push(kind, n, value);
    return value;
  }

  private newNode(i: number, kind: 'schedule' | 'fault', n: number): DfsNode {
    const deep = i >= this.bounds.maxDepth;
    if (kind === 'fault') return { kind, n, value: 0, limit: deep || this.faults >= this.bounds.maxFaults ? 1 : 2 };
    return { kind, n, value: 0, limit: deep ? 1 : n };
  }
}

/**
 * Moves `path` to the next leaf in depth-first order. Returns false when the
 * whole bounded tree has been enumerated.
 */
export function advance(path: DfsNode[]): boolean {
  while (path.length > 0) {
    const top = path[path.length - 1]!;
    if (top.value + 1 < top.limit) {
      top.value++;
      return true;
    }
    path.pop();
  }
  return false;
}
