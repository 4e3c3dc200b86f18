/**
 * Test helper: an exploration of one system's built-in design, loaded by
 * name, with small bounds (random strategy from seed 1, no faults and ten
 * schedules when exhaustive) that a test overrides where it needs to.
 */
import type { ExploreInput } from '../../sim/explore/explore.ts';
import type { SystemDef } from '../../sim/systems/system-def.ts';

export async function exploreInput(system: SystemDef, design: string, seeds: number, over: Partial<ExploreInput> = {}): Promise<ExploreInput> {
  const loaded = await system.loadDesign(design);
  if (!loaded.ok) throw new Error(loaded.message);
  return {
    system,
    design: loaded.design,
    designName: design,
    strategy: 'random',
    seedStart: 1,
    seeds,
    pct: { depth: 3, stepsEstimate: 50 },
    exhaustive: { maxFaults: 0, maxDepth: 10_000, options: {}, maxSchedules: 10, sleepSets: true },
    stopAtFirst: true,
    shrinkRuns: 50,
    workers: 1,
    shard: null,
    ...over,
  };
}
