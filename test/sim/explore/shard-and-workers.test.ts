/**
 * Splitting an exploration changes nothing about its result: the N shards
 * of a seed sweep or of an exhaustive tree together run exactly the runs of
 * the unsharded exploration (same count, events and coverage), and worker
 * threads give the same result as one thread. Seeds are ranges walked
 * lazily, so the largest sweep allowed starts at once.
 */
import { describe, expect, it } from 'vitest';
import { explore, type ExploreInput, type ExploreResult } from '../../../sim/explore/explore.ts';
import { MAX_SEEDS, seedsOf, shardRange, subRange } from '../../../sim/explore/seed-sweep.ts';
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
    const input = await exploreInput('reference', { strategy: 'exhaustive', exhaustive: { maxFaults: 1, maxDepth: 10_000, options: { transfers: 2, externalMode: 'idempotent' }, maxSchedules: 1_000_000, sleepSets: true } });
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
    const tree = await exploreInput('reference', { strategy: 'exhaustive', exhaustive: { maxFaults: 1, maxDepth: 10_000, options: { transfers: 2, externalMode: 'idempotent' }, maxSchedules: 1_000_000, sleepSets: true } });
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

describe('seed sweeps in bounded memory', () => {
  it('a shard of seeds is the range of positions i with i mod N = I - 1, never a list', () => {
    for (const [start, seeds, count] of [[1, 10, 3], [5, 2, 4], [0, 7, 7], [100, 1, 1]] as const) {
      for (let index = 1; index <= count; index++) {
        const expected: number[] = [];
        for (let i = 0; i < seeds; i++) if (i % count === index - 1) expected.push(start + i);
        expect([...seedsOf(shardRange(start, seeds, { index, count }))]).toEqual(expected);
      }
    }
    expect([...seedsOf(subRange(shardRange(1, 100, { index: 2, count: 3 }), 2, 5))]).toEqual([8, 11, 14]);
  });

  it('the first seeds of a sweep of 2^31 - 1 seeds come at once', () => {
    const started = performance.now();
    const range = shardRange(1, MAX_SEEDS, { index: 2, count: 3 });
    const first: number[] = [];
    for (const seed of seedsOf(range)) {
      first.push(seed);
      if (first.length === 4) break;
    }
    expect(first).toEqual([2, 5, 8, 11]);
    expect(range.count).toBe(Math.ceil((MAX_SEEDS - 1) / 3));
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('two threads sweep up to 2^31 - 1 seeds of the naive design, stopping at its first failure like one thread', async () => {
    const input = await exploreInput('naive', { seeds: MAX_SEEDS, stopAtFirst: true, shrinkRuns: 20 });
    const threaded = await explore({ ...input, workers: 2 });
    const serial = await explore(input);
    expect(threaded.kind).toBe('violation');
    expect(threaded.schedules).toBe(serial.schedules);
    expect(threaded.schedules).toBeLessThan(1000);
  }, 60_000);
});
