/**
 * The `Store` port on Postgres: a key-value transaction is one SQL
 * transaction over the `moneysim_kv` table.
 *
 * - Reads go to the database statement by statement (`SELECT ... WHERE key
 *   = $1`, a range scan for a prefix), overlaid with the transaction's own
 *   writes; writes are buffered and sent at the end in two statements (one
 *   upsert, one delete), then COMMIT.
 * - Transactions of one process run one at a time, as the simulated store
 *   runs them, so a body runs once in the normal case and one connection is
 *   enough (PGlite has only one).
 * - Each transaction is SERIALIZABLE nevertheless: a coordinator killed
 *   with SIGKILL may leave a session the server has not yet noticed is gone,
 *   and two coordinator processes on one database (a restart overlapping a
 *   dying session, or replicas) must still not interleave badly. When
 *   Postgres reports a serialization failure (40001) or a deadlock (40P01),
 *   the transaction is rolled back and the body runs again, which the port
 *   allows: a body awaits nothing but its own transaction.
 * - A connection that fails before COMMIT is sent means nothing committed:
 *   the transaction is retried after a backoff. A connection that fails
 *   during COMMIT leaves the outcome unknown; the store cannot tell the
 *   caller "maybe", so it reports `commit-unknown` and never settles the
 *   call: the process is expected to exit and recover from what is durable,
 *   exactly as after a crash.
 */
import type { Json, Store, Tx } from '../../impl/ports/ports.ts';
import { KV_TABLE, prefixUpperBound } from './kv-table.ts';
import { RETRYABLE_STATES, sqlStateOf, type SqlConnection } from './sql-connection.ts';

export type StoreEvent =
  | { kind: 'retry'; reason: string; attempt: number }
  | { kind: 'commit-unknown'; reason: string };

export interface PostgresStoreOptions {
  onEvent: (event: StoreEvent) => void;
  retryBackoffMsMin?: number;
  retryBackoffMsMax?: number;
}

/** Thrown inside a transaction when the database refused a statement; caught by the store. */
class StatementFailed extends Error {
  constructor(readonly original: unknown) {
    super(`statement failed: ${describeError(original)}`);
  }
}

export class PostgresStore implements Store {
  private queue: Promise<unknown> = Promise.resolve();
  commits = 0;
  retries = 0;

  constructor(
    private readonly conn: SqlConnection,
    private readonly options: PostgresStoreOptions,
  ) {}

  transact<T>(body: (tx: Tx) => Promise<T> | T): Promise<T> {
    const run = this.queue.then(() => this.withRetries(body));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async withRetries<T>(body: (tx: Tx) => Promise<T> | T): Promise<T> {
    const min = this.options.retryBackoffMsMin ?? 20;
    const max = this.options.retryBackoffMsMax ?? 1000;
    let backoffMs = min;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.once(body);
      if (outcome.kind === 'committed') return outcome.value;
      if (outcome.kind === 'unknown') {
        this.options.onEvent({ kind: 'commit-unknown', reason: outcome.reason });
        return new Promise<T>(() => undefined);
      }
      this.retries++;
      this.options.onEvent({ kind: 'retry', reason: outcome.reason, attempt });
      if (outcome.kind === 'connection') {
        await new Promise((r) => setTimeout(r, backoffMs));
        backoffMs = Math.min(backoffMs * 2, max);
      }
    }
  }

  private async once<T>(body: (tx: Tx) => Promise<T> | T): Promise<
    | { kind: 'committed'; value: T }
    | { kind: 'conflict' | 'connection' | 'unknown'; reason: string }
  > {
    const tx = new SqlTx(this.conn);
    let value: T;
    try {
      await tx.begin();
      value = await body(tx);
      if (tx.failure !== null) throw tx.failure;
      await tx.flush();
    } catch (err) {
      const cause = err instanceof StatementFailed ? err.original : err;
      await this.conn.query('ROLLBACK').catch(() => undefined);
      const state = sqlStateOf(cause);
      if (state !== null && RETRYABLE_STATES.has(state)) return { kind: 'conflict', reason: describeError(cause) };
      if (state === null && err instanceof StatementFailed) return { kind: 'connection', reason: describeError(cause) };
      // The body's own exception, or a database error no retry can fix: the caller's to see.
      throw cause;
    }
    try {
      await this.conn.query('COMMIT');
    } catch (err) {
      const state = sqlStateOf(err);
      if (state !== null && RETRYABLE_STATES.has(state)) return { kind: 'conflict', reason: describeError(err) };
      return { kind: 'unknown', reason: describeError(err) };
    }
    this.commits++;
    return { kind: 'committed', value };
  }
}

/** One transaction's reads and buffered writes. */
class SqlTx implements Tx {
  /** Serialized values of this transaction's writes; undefined marks a delete. */
  private readonly writes = new Map<string, string | undefined>();
  /** Set once a statement failed: the body may swallow the error, the commit must not happen. */
  failure: StatementFailed | null = null;

  constructor(private readonly conn: SqlConnection) {}

  begin(): Promise<unknown> {
    return this.run('BEGIN ISOLATION LEVEL SERIALIZABLE', []);
  }

  async get(key: string): Promise<Json | undefined> {
    if (this.writes.has(key)) {
      const own = this.writes.get(key);
      return own === undefined ? undefined : (JSON.parse(own) as Json);
    }
    const { rows } = await this.run(`SELECT value FROM ${KV_TABLE} WHERE key = $1`, [key]);
    return rows.length === 0 ? undefined : (rows[0]!['value'] as Json);
  }

  put(key: string, value: Json): void {
    // Serialized now, so that the writer changing its object later cannot change what commits.
    this.writes.set(key, JSON.stringify(value));
  }

  delete(key: string): void {
    this.writes.set(key, undefined);
  }

  async scan(prefix: string): Promise<Array<[string, Json]>> {
    const upper = prefixUpperBound(prefix);
    const { rows } =
      upper === null
        ? await this.run(`SELECT key, value FROM ${KV_TABLE} WHERE key >= $1 AND starts_with(key, $1) ORDER BY key`, [prefix])
        : await this.run(`SELECT key, value FROM ${KV_TABLE} WHERE key >= $1 AND key < $2 ORDER BY key`, [prefix, upper]);
    const merged = new Map<string, Json>();
    for (const r of rows) merged.set(String(r['key']), r['value'] as Json);
    for (const [k, v] of this.writes) {
      if (!k.startsWith(prefix)) continue;
      if (v === undefined) merged.delete(k);
      else merged.set(k, JSON.parse(v) as Json);
    }
    return [...merged.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** Sends the buffered writes: one upsert for the puts, one delete for the deletes. */
  async flush(): Promise<void> {
    const putKeys: string[] = [];
    const putValues: string[] = [];
    const deleted: string[] = [];
    for (const [k, v] of this.writes) {
      if (v === undefined) deleted.push(k);
      else {
        putKeys.push(k);
        putValues.push(v);
      }
    }
    if (putKeys.length > 0) {
      await this.run(
        `INSERT INTO ${KV_TABLE} (key, value) SELECT k, v::jsonb FROM unnest($1::text[], $2::text[]) AS w(k, v) ` +
          'ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
        [putKeys, putValues],
      );
    }
    if (deleted.length > 0) await this.run(`DELETE FROM ${KV_TABLE} WHERE key = ANY($1::text[])`, [deleted]);
  }

  private async run(text: string, params: readonly unknown[]) {
    if (this.failure !== null) throw this.failure;
    try {
      return await this.conn.query(text, params);
    } catch (err) {
      this.failure = new StatementFailed(err);
      throw this.failure;
    }
  }
}

export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const state = sqlStateOf(err);
  return state === null ? err.message : `${state} ${err.message}`;
}
