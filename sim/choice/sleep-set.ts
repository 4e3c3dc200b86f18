/**
 * Sleep sets for depth-first enumeration, within one virtual instant.
 *
 * When events a and b are due at the same instant and independent, running
 * a then b reaches the same state as b then a, and each of them makes the
 * same fault decisions either way. Once the subtree that runs a first has
 * been explored, a is put to sleep in the subtree that runs b first: a is
 * not offered there until an event dependent on a runs. If a sleeping event
 * runs anyway (it became the only event due, so the kernel dispatched it
 * without asking), everything from there on repeats an explored ordering,
 * and the run is marked redundant: it goes on to its end without branching.
 * Sleep sets prune orderings, never states: every state reachable within
 * the bounds is still visited, so every state invariant is still checked.
 *
 * Events are identified across runs by process and label. A key that two
 * due events share is never put to sleep, so an identity is never confused.
 */
import type { ChoiceCandidate } from './choice-source.ts';

/** Whether two events, given by their keys, commute. Supplied by the system. */
export type Independence = (a: string, b: string) => boolean;

export function eventKey(c: ChoiceCandidate): string {
  return `${c.proc.name}|${c.label}`;
}

export class SleepSet {
  private asleep = new Set<string>();
  /** Set once a sleeping event ran: the rest of the run repeats an explored ordering. */
  redundant = false;

  constructor(private readonly independent: Independence) {}

  /** Which of the due events are asleep; also forgets sleepers no longer due or no longer unique. */
  asleepAmong(keys: readonly string[]): boolean[] {
    const unique = (k: string): boolean => keys.indexOf(k) === keys.lastIndexOf(k);
    for (const k of [...this.asleep]) if (!keys.includes(k) || !unique(k)) this.asleep.delete(k);
    return keys.map((k) => this.asleep.has(k));
  }

  /** Option `value` was taken: the options before it fall asleep (if uniquely named). */
  afterChoice(keys: readonly string[], value: number): void {
    for (let i = 0; i < value; i++) {
      const k = keys[i]!;
      if (keys.indexOf(k) === keys.lastIndexOf(k)) this.asleep.add(k);
    }
  }

  /** An event is about to run: if it sleeps the run is redundant; sleepers dependent on it wake. */
  dispatched(key: string): void {
    if (this.asleep.has(key)) this.redundant = true;
    for (const k of [...this.asleep]) if (k === key || !this.independent(k, key)) this.asleep.delete(k);
  }
}
