/**
 * A key-value cache as a coordinator sees it (Redis-style): read a value,
 * set one, invalidate one. What it answers may be stale and an invalidation
 * may be lost, so a design treats a cached value as a hint; every call is one
 * round trip with a timeout.
 */
import type { Json, RpcOutcome } from './ports.ts';

export interface CachePort {
  get(key: string, timeoutMs: number): Promise<RpcOutcome<{ hit: boolean; value: Json }>>;
  set(key: string, value: Json, timeoutMs: number): Promise<RpcOutcome<{ ok: boolean }>>;
  invalidate(key: string, timeoutMs: number): Promise<RpcOutcome<{ ok: boolean }>>;
}
