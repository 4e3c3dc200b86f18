/** Shared set-up for explorer tests: the bank-transfer designs and a baseline explore input. */
import type { ExploreInput } from '../../../sim/explore/explore.ts';
import { bankTransferSystem } from '../../../sim/systems/bank-transfer-system.ts';

export async function designOf(name: string): Promise<unknown> {
  const loaded = await bankTransferSystem.loadDesign(name);
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.design;
}

export async function exploreInput(designName: string, patch: Partial<ExploreInput>): Promise<ExploreInput> {
  return {
    system: bankTransferSystem,
    design: await designOf(designName),
    designName,
    strategy: 'random',
    seedStart: 1,
    seeds: 100,
    pct: { depth: 3, stepsEstimate: 50 },
    exhaustive: { maxFaults: 2, maxDepth: 10_000, options: { transfers: 2, externalMode: 'idempotent' }, maxSchedules: 1_000_000, sleepSets: true },
    stopAtFirst: false,
    shrinkRuns: 2000,
    workers: 1,
    shard: null,
    ...patch,
  };
}
