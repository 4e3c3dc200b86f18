/**
 * A seeded choice source for fakes that run for real. Draws follow the same
 * rules as the simulator's random source (one generator per named stream,
 * the fault probability for fault choices), but nothing is logged: a service
 * that runs for days must not keep every draw, and a real run cannot be
 * replayed from its choices anyway (real time decides the interleaving).
 */
import seedrandom from 'seedrandom';
import { ChoiceLog, type ChoiceKind, type ChoiceSource } from '../../sim/choice/choice-source.ts';

export class RuntimeChoiceSource implements ChoiceSource {
  /** Always empty; the interface requires a log. */
  readonly log = new ChoiceLog();
  private readonly streams = new Map<string, () => number>();

  constructor(readonly seed: number) {}

  choose(_kind: ChoiceKind, stream: string, n: number, probabilityOfOne?: number): number {
    if (n <= 1) return 0;
    const prng = this.streamFor(stream);
    if (probabilityOfOne === undefined) return Math.floor(prng() * n);
    if (prng() >= probabilityOfOne) return 0;
    return n === 2 ? 1 : 1 + Math.floor(prng() * (n - 1));
  }

  private streamFor(name: string): () => number {
    let prng = this.streams.get(name);
    if (prng === undefined) {
      prng = seedrandom.alea(`${this.seed}/${name}`);
      this.streams.set(name, prng);
    }
    return prng;
  }
}
