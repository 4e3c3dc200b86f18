/** The cache port a process is given: each call one request to the cache service over the simulated network. */
import type { Json } from '../../impl/ports/ports.ts';
import type { CachePort } from '../../impl/ports/cache.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network } from '../net/network.ts';

export function cachePort(net: Network, caller: SimProcess, cache: string): CachePort {
  return {
    get: (key, timeoutMs) => net.call(caller, cache, 'get', { key }, timeoutMs),
    set: (key, value: Json, timeoutMs) => net.call(caller, cache, 'set', { key, value }, timeoutMs),
    invalidate: (key, timeoutMs) => net.call(caller, cache, 'invalidate', { key }, timeoutMs),
  };
}
