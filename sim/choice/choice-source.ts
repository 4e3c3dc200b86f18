/**
 * The choice source: the single door through which every nondeterministic
 * decision of a simulation passes (which due event runs next, whether a fault
 * fires, how long a message takes, what the workload looks like).
 *
 * A choice is an integer in [0, n). Value 0 is by convention the "simplest"
 * option (no fault, shortest latency, first due event), which lets a recorded
 * vector be shortened and still replay: choices past its end read as 0.
 *
 * Choices are tagged with a kind so that explorers can treat them differently:
 * exhaustive search enumerates `schedule` and `fault` choices and leaves
 * `data` choices at their recorded or default value.
 */
export type ChoiceKind = 'schedule' | 'fault' | 'data';

/**
 * One of the due events a `schedule` choice picks among, as far as choice
 * sources need to know it: priority-based and enumerating sources tell
 * events apart by the process they belong to and their label.
 */
export interface ChoiceCandidate {
  readonly label: string;
  readonly proc: { readonly name: string };
}

export interface ChoiceSource {
  /**
   * Returns an integer in [0, n). For fault choices the random source returns
   * a non-zero value (the fault fires) with probability `probabilityOfOne`,
   * uniformly among 1..n-1 when the fault has several forms; otherwise draws
   * are uniform.
   * `stream` is a component name; each stream is an independent random
   * sequence so that an extra draw in one component leaves the others alone.
   * For `schedule` choices the kernel passes the `n` due events as
   * `candidates`; sources that pick by position may ignore them.
   */
  choose(kind: ChoiceKind, stream: string, n: number, probabilityOfOne?: number, candidates?: readonly ChoiceCandidate[]): number;
  /** Everything chosen so far, in order. */
  readonly log: ChoiceLog;
  /**
   * Optional: told of every event just before the kernel dispatches it,
   * including events that were the only one due (no choice was asked).
   * Enumerating sources use it to recognise orderings already explored.
   */
  noteDispatch?(event: ChoiceCandidate): void;
}

/** The record of a run's choices: enough to replay it without the seed. */
export class ChoiceLog {
  readonly values: number[] = [];
  readonly ranges: number[] = [];
  readonly kinds: ChoiceKind[] = [];

  push(kind: ChoiceKind, n: number, value: number): void {
    this.values.push(value);
    this.ranges.push(n);
    this.kinds.push(kind);
  }

  get length(): number {
    return this.values.length;
  }
}

/** Convenience wrappers so call sites read as intent, not arithmetic. */
export function chance(source: ChoiceSource, stream: string, probability: number): boolean {
  if (probability <= 0) return false;
  return source.choose('fault', stream, 2, probability) === 1;
}

/** A fault with `forms` forms: 0 when it does not fire, else the form (1..forms). */
export function faultForm(source: ChoiceSource, stream: string, probability: number, forms: number): number {
  if (probability <= 0) return 0;
  return source.choose('fault', stream, forms + 1, probability);
}

export function intBetween(source: ChoiceSource, stream: string, min: number, max: number): number {
  if (max <= min) return min;
  return min + source.choose('data', stream, max - min + 1);
}
