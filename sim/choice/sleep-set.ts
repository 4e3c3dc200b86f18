/**
 * Sleep sets for the depth-first explorer, restricted to one instant.
 *
 * When several events are due at the same virtual instant, running `a` then
 * `b` reaches the same state as `b` then `a` if the two are independent. Once
 * the subtree that runs `a` first has been explored, `a` is put to sleep in
 * the sibling subtrees: it is not chosen there until an event dependent on it
 * runs. All candidates are due at one instant, so a sleep set never outlives
 * that instant.
 *
 * Independence is judged conservatively from what the kernel guarantees: an
 * event only touches the state of its own process (a fake's books, the
 * coordinator's memory and store, the client's history), and anything it
 * sends arrives no sooner than the minimum latency, so two events of
 * different processes commute. `control` events (healing, restarts,
 * partitions) touch every process and are dependent on all.
 */
import type { ChoiceCandidate } from './choice-source.ts';
import type { DfsNode } from './dfs-choice-source.ts';

/** A candidate's identity across runs: its process and its label. */
export function candidateKey(c: ChoiceCandidate): string {
  return `${c.proc.name}|${c.label}`;
}

function procOf(key: string): string {
  return key.slice(0, key.indexOf('|'));
}

export function dependent(a: string, b: string): boolean {
  const pa = procOf(a);
  const pb = procOf(b);
  return pa === pb || pa === 'control' || pb === 'control';
}

export class SleepSet {
  /** Keys of due events asleep, in the order they fell asleep. */
  private keys: string[] = [];

  /** Marks which of `keys` are asleep; a key that occurs twice is never trusted to name the sleeping event. */
  asleepAmong(keys: readonly string[]): boolean[] {
    return keys.map((k) => this.keys.includes(k) && keys.indexOf(k) === keys.lastIndexOf(k));
  }

  /**
   * After the node's option `value` was taken: the options before it (tried
   * already, and not asleep themselves) fall asleep, and every sleeping event
   * dependent on the one that runs wakes.
   */
  afterChoice(node: DfsNode, value: number, candidates: readonly ChoiceCandidate[]): void {
    const keys = node.keys ?? candidates.map(candidateKey);
    const present = new Set(keys);
    // Sleeping events no longer due (cancelled, or their process crashed) leave the set.
    const next = this.keys.filter((k) => present.has(k));
    for (let i = 0; i < value; i++) if (!next.includes(keys[i]!)) next.push(keys[i]!);
    const chosen = keys[value]!;
    this.keys = next.filter((k) => k !== chosen && !dependent(k, chosen));
  }
}
