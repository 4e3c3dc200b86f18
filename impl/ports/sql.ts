/**
 * The SQL port's vocabulary: values, rows, isolation levels, predicates,
 * statements as data and the result of every statement. A coordinator that
 * keeps its data in a relational database speaks to it only through
 * `SqlPort` in these terms; the simulator runs the statements on its
 * simulated database (sim/storage/sql/), a real runtime would send the
 * Postgres statement each stands for.
 *
 * A statement's result is always a value. `ok` carries the rows a statement
 * returned (or touched) and its affected row count, as Postgres reports
 * them; `blocked` (seen only inside the database) says that the statement
 * waits for a row lock; `error` carries the code an application has to
 * handle. After an error the transaction is aborted, as in Postgres: every
 * later statement returns TX_ABORTED until ROLLBACK.
 */
import type { RpcOutcome } from './ports.ts';

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

/** A SET clause with its text, e.g. "balance = balance - 80". */
export interface Assignment {
  readonly describe: string;
  readonly set: SetClause;
}

/** One statement of a transaction, as data. */
export type SqlStatement =
  | { readonly op: 'select' | 'selectForUpdate'; readonly table: string; readonly key: RowKey }
  | { readonly op: 'selectWhere' | 'selectForUpdateWhere' | 'deleteWhere'; readonly table: string; readonly where: Predicate }
  | { readonly op: 'insert' | 'insertIfAbsent'; readonly table: string; readonly row: Row }
  | { readonly op: 'update'; readonly table: string; readonly key: RowKey; readonly assign: Assignment; readonly where?: Predicate }
  | { readonly op: 'updateWhere'; readonly table: string; readonly where: Predicate; readonly assign: Assignment }
  | { readonly op: 'delete'; readonly table: string; readonly key: RowKey; readonly where?: Predicate }
  | { readonly op: 'commit' | 'rollback' };

/**
 * A connection to the database. `begin` opens a transaction (BEGIN
 * ISOLATION LEVEL ..., the database's own level when none is named);
 * `execute` runs one statement of it. Each call is one round trip over the
 * network with a timeout: `timeout` means the outcome is unknown (a COMMIT
 * whose reply was lost may have committed).
 */
export interface SqlPort {
  begin(timeoutMs: number, level?: IsolationLevel): Promise<RpcOutcome<{ tx: TxId }>>;
  /**
   * One statement in a transaction of its own (autocommit, as a statement
   * sent outside BEGIN runs in Postgres): one round trip; its result is
   * committed when the reply says ok.
   */
  query(statement: SqlStatement, timeoutMs: number): Promise<RpcOutcome<SqlResult>>;
  execute(tx: TxId, statement: SqlStatement, timeoutMs: number): Promise<RpcOutcome<SqlResult>>;
}
