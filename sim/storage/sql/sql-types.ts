/**
 * The vocabulary of the simulated SQL database: values, rows, isolation
 * levels, predicates and the result of every statement.
 *
 * A statement's result is always a value. `ok` carries the rows a statement
 * returned (or touched) and its affected row count, as Postgres reports
 * them; `blocked` says that the statement waits for a row lock held by
 * another transaction and must be resumed later (see SqlDatabase.resume);
 * `error` carries the SQLSTATE-like code an application has to handle. After
 * an error the transaction is aborted, as Postgres' "current transaction is
 * aborted" state: every later statement returns TX_ABORTED until ROLLBACK.
 */

/** A column value. Money is always an integer number of minor units. */
export type SqlValue = string | number | boolean | null;

/** A row: a flat record of column values, never mutated once stored. */
export type Row = Readonly<Record<string, SqlValue>>;

/** A primary-key value. */
export type RowKey = string | number;

/** Transactions are numbered from 1 in the order they begin. */
export type TxId = number;

export type IsolationLevel = 'read-committed' | 'repeatable-read' | 'serializable';

export const ISOLATION_LEVELS: readonly IsolationLevel[] = ['read-committed', 'repeatable-read', 'serializable'];

/**
 * A WHERE clause: the test the engine runs on a row, and the text a trace
 * shows for it (for example "balance >= 80").
 */
export interface Predicate {
  readonly describe: string;
  readonly test: (row: Row) => boolean;
}

/** The SET clause of an UPDATE: the columns to change, computed from the row it updates. */
export type SetClause = (row: Row) => Readonly<Record<string, SqlValue>>;

export type SqlErrorCode =
  /** Postgres 40001: a concurrent update (first committer wins) or an SSI dangerous structure. */
  | 'SERIALIZATION_FAILURE'
  /** Postgres 40P01: this transaction's lock wait would have closed a cycle. */
  | 'DEADLOCK_DETECTED'
  /** Postgres 23505: a primary key or unique column already holds the value. */
  | 'UNIQUE_VIOLATION'
  /** Postgres 55P03: a lock wait outlasted the configured lock timeout. */
  | 'LOCK_TIMEOUT'
  /** Postgres 25P02: an earlier statement failed; only ROLLBACK is accepted. */
  | 'TX_ABORTED'
  /** The transaction has ended (committed, rolled back, or lost in a database restart). */
  | 'NO_TRANSACTION';

export type SqlResult =
  | { readonly kind: 'ok'; readonly rows: readonly Row[]; readonly rowCount: number }
  | { readonly kind: 'blocked'; readonly waitingFor: TxId }
  | { readonly kind: 'error'; readonly code: SqlErrorCode; readonly message: string };

export function ok(rows: readonly Row[], rowCount: number = rows.length): SqlResult {
  return { kind: 'ok', rows, rowCount };
}

export function sqlError(code: SqlErrorCode, message: string): SqlResult {
  return { kind: 'error', code, message };
}

/** A predicate matching the row whose column `column` equals `value`. */
export function columnEquals(column: string, value: SqlValue): Predicate {
  return { describe: `${column} = ${JSON.stringify(value)}`, test: (row) => row[column] === value };
}

/** The predicate of a whole-table statement (no WHERE clause). */
export const ALL_ROWS: Predicate = { describe: 'true', test: () => true };
