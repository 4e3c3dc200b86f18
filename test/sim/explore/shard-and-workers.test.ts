/**
 * Splitting an exploration changes nothing about its result: the N shards
 * of a seed sweep or of an exhaustive tree together run exactly the runs of
 * the unsharded exploration (same count, events and coverage), and worker
 * threads give the same result as one thread.
 */
import { describe, expect, it } from 'vitest';
import { explore, type ExploreInput, type ExploreResult } from '../../../sim/explore/explore.ts';
import { exploreInput } from './explore-support.ts';

function figures(results: ExploreResult[]) {
  const sum = (f: (r: ExploreResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const counts = (key: 'faultsFired' | 'probes') => {
    const out: Record<string, number> = {};
    for (const r of results) for (const [k, v] of Object.entries(r.coverage[key])) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return { schedules: sum((r) => r.schedules), events: sum((r) => r.events), answers: sum((r) => r.latency.count), faultsFired: counts('faultsFired'), probes: counts('probes') };
}

async function shardsUnion(input: ExploreInput, count: number) {
  const parts: ExploreResult[] = [];
  for (let index = 1; index <= count; index++) parts.push(await explore({ ...input, shard: { index, count } }));
  return figures(parts);
}

describe('shards and workers', () => {
  it('the union of 3 seed shards equals the unsharded sweep', async () => {
    const input = await exploreInput('reference', { seeds: 120, seedStart: 500 });
    expect(await shardsUnion(input, 3)).toEqual(figures([await explore(input)]));
  });

  it('the union of 4 exhaustive shards equals the unsharded enumeration', async () => {
    const input = await exploreInput('reference', { strategy: 'exhaustive', exhaustive: { maxFaults: 1, maxDepth: 10_000, workload: 2, externalMode: 'idempotent', maxSchedules: 1_000_000, sleepSets: true } });
    const whole = await explore(input);
    expect(whole.exhausted).toBe(true);
    expect(await shardsUnion(input, 4)).toEqual(figures([whole]));
  });

  it('two worker threads give the serial result, for seeds and for exhaustive subtrees', async () => {
    const seeds = await exploreInput('naive', { seeds: 300, shrinkRuns: 200 });
    const serial = await explore(seeds);
    const threaded = await explore({ ...seeds, workers: 2 });
    expect(figures([threaded])).toEqual(figures([serial]));
    const kinds = (r: ExploreResult) => (r.kind === 'violation' ? r.failures.map((f) => `${f.violation.invariant}@${f.found.recipe.seed}`) : []);
    expect(kinds(threaded)).toEqual(kinds(serial));
    const tree = await exploreInput('reference', { strategy: 'exhaustive', exhaustive: { maxFaults: 1, maxDepth: 10_000, workload: 2, externalMode: 'idempotent', maxSchedules: 1_000_000, sleepSets: true } });
    expect(figures([await explore({ ...tree, workers: 2 })])).toEqual(figures([await explore(tree)]));
  }, 60_000);

  it('stopping at the first failure with workers reports the same seed and tallies the same seeds as one thread', async () => {
    const input = await exploreInput('naive', { seeds: 400, stopAtFirst: true, shrinkRuns: 50 });
    const serial = await explore(input);
    const threaded = await explore({ ...input, workers: 2 });
    expect(threaded.schedules).toBe(serial.schedules);
    expect(threaded.kind === 'violation' && threaded.failures[0]!.found.recipe.seed).toBe(serial.kind === 'violation' && serial.failures[0]!.found.recipe.seed);
  }, 60_000);
});
