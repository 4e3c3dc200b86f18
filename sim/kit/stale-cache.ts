/**
 * A Redis-style cache service in front of another service's values (for
 * example investors' balances), reached over the simulated network.
 *
 * Model: `set` stores a new version of a key, `get` answers the newest
 * version (or null on a miss), `invalidate` drops the key. Entries expire
 * after `ttlMs`. Faults, each a fault choice: a `get` served from an older
 * version still younger than `stalenessMsMax` (a replica that lags), and an
 * `invalidate` that the cache never applies (so readers keep seeing the old
 * value until it expires). A cache restart forgets everything. A design must
 * treat what the cache says as a hint, never as the truth about money.
 */
import type { Json } from '../../impl/ports/ports.ts';
import { chance, intBetween } from '../choice/choice-source.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network, ServiceResponse } from '../net/network.ts';

export interface CacheOptions {
  /** An entry is forgotten this long after it was set. */
  ttlMs: number;
  /** Per get: answer an older version, if one younger than `stalenessMsMax` exists. */
  staleReadProbability: number;
  stalenessMsMax: number;
  /** Per invalidate: the cache never applies it. */
  lostInvalidationProbability: number;
}

export const calmCache: CacheOptions = { ttlMs: 60_000, staleReadProbability: 0, stalenessMsMax: 0, lostInvalidationProbability: 0 };

interface Version {
  value: Json;
  setAtMs: number;
}

export class StaleCache {
  /** Versions per key, oldest first; the last is the newest. */
  private readonly entries = new Map<string, Version[]>();
  readonly counts = { gets: 0, hits: 0, staleReads: 0, lostInvalidations: 0, restarts: 0 };

  constructor(
    private readonly sim: Simulator,
    readonly proc: SimProcess,
    public options: CacheOptions,
  ) {}

  register(net: Network, name: string): void {
    net.register(name, this.proc, (method, body) => reply(this.handle(method, body as { key: string; value?: Json })));
  }

  /** A restart: the cache comes back empty. */
  restart(): void {
    this.counts.restarts++;
    this.entries.clear();
  }

  private handle(method: string, body: { key: string; value?: Json }): Json {
    switch (method) {
      case 'get':
        return this.get(String(body.key));
      case 'set':
        this.set(String(body.key), body.value ?? null);
        return { ok: true };
      case 'invalidate':
        return { ok: this.invalidate(String(body.key)) };
      default:
        throw new Error(`cache: unknown method ${method}`);
    }
  }

  private get(key: string): Json {
    this.counts.gets++;
    const now = this.sim.now;
    const live = (this.entries.get(key) ?? []).filter((v) => now - v.setAtMs < this.options.ttlMs);
    if (live.length === 0) return { hit: false, value: null };
    this.counts.hits++;
    const older = live.slice(0, -1).filter((v) => now - v.setAtMs <= this.options.stalenessMsMax);
    if (older.length > 0 && chance(this.sim.choice, 'cache.stale', this.options.staleReadProbability)) {
      this.counts.staleReads++;
      return { hit: true, value: older[intBetween(this.sim.choice, 'cache.stale', 0, older.length - 1)]!.value };
    }
    return { hit: true, value: live[live.length - 1]!.value };
  }

  private set(key: string, value: Json): void {
    const now = this.sim.now;
    const kept = (this.entries.get(key) ?? []).filter((v) => now - v.setAtMs <= this.options.stalenessMsMax);
    kept.push({ value, setAtMs: now });
    this.entries.set(key, kept);
  }

  private invalidate(key: string): boolean {
    if (chance(this.sim.choice, 'cache.lostInvalidation', this.options.lostInvalidationProbability)) {
      this.counts.lostInvalidations++;
      return true;
    }
    this.entries.delete(key);
    return true;
  }
}

function reply(value: Json): ServiceResponse {
  return { reply: { kind: 'reply', value } };
}
