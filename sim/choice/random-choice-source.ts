/**
 * Seeded random choice source. Each named stream gets its own Alea generator
 * seeded from (seed, stream name), so components draw independently.
 */
import seedrandom from 'seedrandom';
import { ChoiceLog, type ChoiceKind, type ChoiceSource } from './choice-source.ts';

type Prng = () => number;

export class RandomChoiceSource implements ChoiceSource {
  readonly log = new ChoiceLog();
  private readonly streams = new Map<string, Prng>();

  constructor(readonly seed: number) {}

  choose(kind: ChoiceKind, stream: string, n: number, probabilityOfOne?: number): number {
    const prng = this.streamFor(stream);
    let value: number;
    if (n <= 1) {
      value = 0;
    } else if (probabilityOfOne !== undefined && n === 2) {
      value = prng() < probabilityOfOne ? 1 : 0;
    } else if (probabilityOfOne !== undefined) {
      // A fault with several forms: it fires with the given probability, then one form is drawn uniformly.
      value = prng() < probabilityOfOne ? 1 + Math.floor(prng() * (n - 1)) : 0;
    } else {
      value = Math.floor(prng() * n);
    }
    this.log.push(kind, n, value);
    return value;
  }

  private streamFor(name: string): Prng {
    let prng = this.streams.get(name);
    if (prng === undefined) {
      prng = seedrandom.alea(`${this.seed}/${name}`);
      this.streams.set(name, prng);
    }
    return prng;
  }
}
