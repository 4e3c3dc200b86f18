/**
 * Re-runs a sample of the seeds a sweep ran, twice each, and compares their
 * trace hashes. The simulator makes a seed's run a pure function of the seed
 * and the code, so two runs of one seed that differ mean some code read
 * state the simulator does not own: a design's module-level variables,
 * Math.random or Date, or else a bug in moneysim itself. The caller decides
 * which, by whose design it is. Returns a value; nothing here prints.
 */
import type { SystemDef } from '../systems/system-def.ts';
import { seedsOf, sourceFor, type SeedRange, type SeedStrategy } from './seed-sweep.ts';

export const DEFAULT_DETERMINISM_SAMPLES = 20;

export interface DeterminismInput {
  system: SystemDef;
  design: unknown;
  strategy: SeedStrategy;
  /** The seeds the sweep ran, in order; the sample is spread over all of them. */
  ran: SeedRange;
  samples: number;
  maxSteps?: number;
}

export type DeterminismResult =
  | { kind: 'deterministic'; seeds: number[] }
  | { kind: 'nondeterministic'; seeds: number[]; seed: number; firstHash: string; secondHash: string };

/** `n` seeds spread evenly over `range` (all of them when it holds fewer), first and last included. */
export function spreadSample(range: SeedRange, n: number): number[] {
  if (n <= 0 || range.count === 0) return [];
  if (range.count <= n) return [...seedsOf(range)];
  const picked = new Set<number>();
  for (let k = 0; k < n; k++) {
    const position = n === 1 ? 0 : Math.round((k * (range.count - 1)) / (n - 1));
    picked.add(range.first + position * range.step);
  }
  return [...picked];
}

export async function checkDeterminism(input: DeterminismInput): Promise<DeterminismResult> {
  const seeds = spreadSample(input.ran, input.samples);
  for (const seed of seeds) {
    const run = () => input.system.run({ design: input.design, seed, choice: sourceFor(input.strategy, seed), options: input.strategy.options, keepTrace: false, maxSteps: input.maxSteps });
    const first = await run();
    const second = await run();
    if (first.traceHash !== second.traceHash) {
      return { kind: 'nondeterministic', seeds, seed, firstHash: first.traceHash, secondHash: second.traceHash };
    }
  }
  return { kind: 'deterministic', seeds };
}
