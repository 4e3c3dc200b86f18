/**
 * The ports through which coordinator code reaches the outside world.
 *
 * Code in impl/ never reads the wall clock, sets timers, draws random numbers,
 * or reaches the network or the file system directly: the simulator provides virtual-time implementations of
 * these interfaces, and a real runtime can provide wall-clock, SQL and HTTP
 * ones. Each interface is kept small enough to map onto its real counterpart:
 * a store transaction onto an SQL transaction, an RPC call onto an HTTP
 * request with a timeout, the clock onto real time.
 */

/** JSON-compatible values, the only thing stores and RPC bodies carry. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Clock {
  /** Milliseconds since the start of the run (virtual time in the simulator). */
  nowMs(): number;
}

export interface Timers {
  /** Resolves after `ms` milliseconds. Never resolves if the process crashes first. */
  sleep(ms: number): Promise<void>;
}

/** Unique, deterministic identifiers (e.g. transfer ids). */
export interface IdSource {
  next(prefix: string): string;
}

/**
 * A transaction over the process's own durable key-value store. Reads see the
 * committed state plus this transaction's own writes. Bodies must not await
 * anything but the transaction's own methods (no RPC inside a transaction).
 * Values read are read-only snapshots; copy before changing them.
 */
export interface Tx {
  get(key: string): Promise<Json | undefined>;
  put(key: string, value: Json): void;
  delete(key: string): void;
  /** Committed and own entries whose key starts with `prefix`, sorted by key. */
  scan(prefix: string): Promise<Array<[string, Json]>>;
}

export interface Store {
  /**
   * Runs `body` atomically and commits its writes. A crash before the commit
   * leaves no trace of it; once the returned promise resolves, it is durable.
   */
  transact<T>(body: (tx: Tx) => Promise<T> | T): Promise<T>;
}

/** A synchronous read-only view of committed data, for obligation checks. */
export interface StoreView {
  get(key: string): Json | undefined;
  scan(prefix: string): Array<[string, Json]>;
}

/**
 * The outcome of a remote call as the caller sees it. `timeout` means the
 * outcome is unknown: the request may or may not have been applied.
 * `UNAVAILABLE` and `RATE_LIMITED` mean it was refused before being applied;
 * `SERVER_ERROR` (a 5xx) may have been raised before or after applying.
 */
export type RpcOutcome<T> =
  | { kind: 'reply'; value: T }
  | { kind: 'error'; code: RpcErrorCode }
  | { kind: 'timeout' };

export type RpcErrorCode = 'UNAVAILABLE' | 'SERVER_ERROR' | 'RATE_LIMITED';
