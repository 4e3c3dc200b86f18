/**
 * Runs one block of consecutive seeds (of a sweep's ascending seed list) and
 * folds what they exercised into a snapshot. The main thread and the worker
 * threads of a parallel sweep run blocks with this same function, so the
 * figures cannot differ with where a block ran. With `stopAtFirst` the block
 * ends at its first failing seed, so its snapshot covers exactly the seeds up
 * to and including that one. A block keeps the first failure of each
 * invariant only, so what it sends back stays small whatever the design.
 */
import type { RunResult } from '../run-result.ts';
import type { SystemDef } from '../systems/system-def.ts';
import { SnapshotBuilder, type TallySnapshot } from './run-tally.ts';
import { isNewFailure, seedsOf, sourceFor, yieldToEventLoop, type SeedRange, type SeedStrategy } from './seed-sweep.ts';

export interface BlockSpec {
  system: SystemDef;
  design: unknown;
  strategy: SeedStrategy;
  stopAtFirst: boolean;
  maxSteps?: number;
}

export interface BlockOutcome {
  tally: TallySnapshot;
  failures: RunResult[];
}


export async function runSeedBlock(spec: BlockSpec, seeds: SeedRange, yieldBetweenSeeds: boolean): Promise<BlockOutcome> {
  const snapshot = new SnapshotBuilder(spec.system.latencyBudgetP99Ms ?? null);
  const failures: RunResult[] = [];
  for (const seed of seedsOf(seeds)) {
    const result = await spec.system.run({ design: spec.design, seed, choice: sourceFor(spec.strategy, seed), options: spec.strategy.options, keepTrace: false, maxSteps: spec.maxSteps });
    snapshot.add(result);
    if (isNewFailure(failures, result)) {
      failures.push(result);
      if (spec.stopAtFirst) break;
    }
    if (yieldBetweenSeeds) await yieldToEventLoop();
  }
  return { tally: snapshot.snapshot, failures };
}
