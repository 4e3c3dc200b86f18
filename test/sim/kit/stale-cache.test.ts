/**
 * The kit's cache: fresh reads, stale reads within the staleness bound,
 * lost invalidations, expiry and a restart that forgets, each reached on
 * purpose by forcing its fault probability to 1.
 */
import { describe, expect, it } from 'vitest';
import type { CachePort } from '../../../impl/ports/cache.ts';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { simTimers } from '../../../sim/kernel/process-ports.ts';
import { cachePort } from '../../../sim/kit/cache-client.ts';
import { calmCache, StaleCache, type CacheOptions } from '../../../sim/kit/stale-cache.ts';
import { Network } from '../../../sim/net/network.ts';
import { calmNetwork } from '../../../sim/net/network-options.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

const SEED = 7;
const T = 100;

async function withCache(options: Partial<CacheOptions>, script: (c: CachePort, sleep: (ms: number) => Promise<void>, cache: StaleCache) => Promise<void>) {
  const sim = new Simulator(new RandomChoiceSource(SEED), new TraceRecorder(false));
  const net = new Network(sim, { ...calmNetwork });
  const cache = new StaleCache(sim, sim.addProcess('cache', false), { ...calmCache, ...options });
  cache.register(net, 'cache');
  const client = sim.addProcess('client', false);
  const timers = simTimers(sim, client);
  let done = false;
  sim.schedule(0, client, 'start', null, () => void script(cachePort(net, client, 'cache'), (ms) => timers.sleep(ms), cache).then(() => (done = true)));
  await sim.run(10_000_000, 100_000);
  expect(done, `seed ${SEED}: the script ran to its end`).toBe(true);
  return cache;
}

async function value(c: CachePort, key: string): Promise<unknown> {
  const r = await c.get(key, T);
  return r.kind === 'reply' ? r.value : r;
}

describe('StaleCache', () => {
  it('answers the newest value, misses after invalidation and after expiry', async () => {
    const seen: unknown[] = [];
    await withCache({ ttlMs: 1000 }, async (c, sleep) => {
      await c.set('a', 10, T);
      await c.set('a', 20, T);
      seen.push(await value(c, 'a'));
      await c.invalidate('a', T);
      seen.push(await value(c, 'a'));
      await c.set('b', 1, T);
      await sleep(1500);
      seen.push(await value(c, 'b'));
    });
    expect(seen).toEqual([{ hit: true, value: 20 }, { hit: false, value: null }, { hit: false, value: null }]);
  });

  it('serves an older version within the staleness bound, never one older than it', async () => {
    const seen: unknown[] = [];
    const cache = await withCache({ staleReadProbability: 1, stalenessMsMax: 500 }, async (c, sleep) => {
      await c.set('a', 10, T);
      await c.set('a', 20, T);
      seen.push(await value(c, 'a'));
      await sleep(1000);
      await c.set('a', 30, T);
      seen.push(await value(c, 'a'));
    });
    expect(seen).toEqual([{ hit: true, value: 10 }, { hit: true, value: 30 }]);
    expect(cache.counts.staleReads).toBe(1);
  });

  it('a lost invalidation leaves the old value readable; a restart forgets everything', async () => {
    const seen: unknown[] = [];
    const cache = await withCache({ lostInvalidationProbability: 1 }, async (c, _sleep, cacheService) => {
      await c.set('a', 10, T);
      await c.invalidate('a', T);
      seen.push(await value(c, 'a'));
      cacheService.restart();
      seen.push(await value(c, 'a'));
    });
    expect(seen).toEqual([{ hit: true, value: 10 }, { hit: false, value: null }]);
    expect(cache.counts.lostInvalidations).toBe(1);
  });
});
