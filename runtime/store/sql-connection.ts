/**
 * The little a store needs from a Postgres driver: run one statement with
 * parameters, and close. PGlite (in-process, one connection) and `pg` (a
 * server over TCP) both fit behind it, so the store is written once.
 */
export interface SqlRows {
  rows: Array<Record<string, unknown>>;
}

export interface SqlConnection {
  /** Which driver this is, for logs and the start-up line. */
  readonly label: string;
  /** Runs one statement. Rejects with the driver's error (see sqlStateOf). */
  query(text: string, params?: readonly unknown[]): Promise<SqlRows>;
  close(): Promise<void>;
}

/**
 * The SQLSTATE of a driver error (e.g. 40001 for a serialization failure),
 * or null when the error is not the database's answer but a broken or
 * refused connection.
 */
export function sqlStateOf(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/** Postgres codes after which re-running the whole transaction is the documented remedy. */
export const RETRYABLE_STATES: ReadonlySet<string> = new Set(['40001', '40P01']);
