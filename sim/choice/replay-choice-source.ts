/**
 * Replays a recorded choice vector. Past the end of the vector every choice is
 * 0 (the simplest option), and a recorded value too large for the range met
 * at replay is clamped; both let a shrinker cut and lower values freely while
 * every candidate still replays deterministically.
 */
import { ChoiceLog, type ChoiceKind, type ChoiceSource } from './choice-source.ts';

export class ReplayChoiceSource implements ChoiceSource {
  readonly log = new ChoiceLog();
  private cursor = 0;

  constructor(private readonly vector: readonly number[]) {}

  choose(kind: ChoiceKind, _stream: string, n: number): number {
    const recorded = this.cursor < this.vector.length ? this.vector[this.cursor]! : 0;
    this.cursor++;
    const value = n <= 1 ? 0 : Math.min(recorded, n - 1);
    this.log.push(kind, n, value);
    return value;
  }

  /** How many recorded choices the run actually consumed. */
  get consumed(): number {
    return Math.min(this.cursor, this.vector.length);
  }
}
