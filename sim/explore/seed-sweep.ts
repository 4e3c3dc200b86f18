/**
 * Seed sweeps for the random and pct strategies: consecutive seeds (or one
 * deterministic shard of them), each run from its own choice source, with
 * coverage tallied over every seed run. The first failing run of each
 * invariant is kept; with `stopAtFirst` the sweep ends at the first failure,
 * so the seeds it counts are exactly the seeds up to and including it.
 */
import type { ChoiceSource } from '../choice/choice-source.ts';
import { PctChoiceSource } from '../choice/pct-choice-source.ts';
import { RandomChoiceSource } from '../choice/random-choice-source.ts';
import type { RunResult } from '../run-result.ts';
import type { SystemDef } from '../systems/system-def.ts';
import { RunTally } from './run-tally.ts';

export type SeedStrategy = { kind: 'random' } | { kind: 'pct'; depth: number; stepsEstimate: number };

export interface Shard {
  /** 1-based index of this slice. */
  index: number;
  count: number;
}

export interface SeedSweepInput {
  system: SystemDef;
  design: unknown;
  strategy: SeedStrategy;
  seedStart: number;
  seeds: number;
  shard: Shard | null;
  stopAtFirst: boolean;
  maxSteps?: number;
  onRun?: (done: number) => void;
}

export interface SeedSweepOutcome {
  tally: RunTally;
  failures: RunResult[];
}

export function sourceFor(strategy: SeedStrategy, seed: number): ChoiceSource {
  return strategy.kind === 'pct' ? new PctChoiceSource(seed, strategy.depth, strategy.stepsEstimate) : new RandomChoiceSource(seed);
}

/** The seeds of a sweep that belong to `shard`, in order. */
export function shardSeeds(seedStart: number, seeds: number, shard: Shard | null): number[] {
  const out: number[] = [];
  for (let i = 0; i < seeds; i++) if (shard === null || i % shard.count === shard.index - 1) out.push(seedStart + i);
  return out;
}

export async function sweepSeeds(input: SeedSweepInput): Promise<SeedSweepOutcome> {
  const tally = new RunTally(input.system);
  const failures: RunResult[] = [];
  for (const seed of shardSeeds(input.seedStart, input.seeds, input.shard)) {
    const result = await input.system.run({ design: input.design, seed, choice: sourceFor(input.strategy, seed), keepTrace: false, maxSteps: input.maxSteps });
    tally.add(result);
    input.onRun?.(tally.runs);
    if (result.kind === 'violation' && !failures.some((f) => f.kind === 'violation' && f.violation.invariant === result.violation.invariant)) {
      failures.push(result);
      if (input.stopAtFirst) break;
    }
  }
  return { tally, failures };
}
