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

export type {
  Assignment,
  IsolationLevel,
  Predicate,
  Row,
  RowKey,
  SetClause,
  SqlErrorCode,
  SqlResult,
  SqlStatement,
  SqlValue,
  TxId,
} from '../../../impl/ports/sql.ts';
import type { Predicate, Row, SqlErrorCode, SqlResult } from '../../../impl/ports/sql.ts';

export { ISOLATION_LEVELS } from '../../../impl/ports/sql.ts';

export function ok(rows: readonly Row[], rowCount: number = rows.length): SqlResult {
  return { kind: 'ok', rows, rowCount };
}

export function sqlError(code: SqlErrorCode, message: string): SqlResult {
  return { kind: 'error', code, message };
}

/** The predicate of a whole-table statement (no WHERE clause). */
export const ALL_ROWS: Predicate = { describe: 'true', test: () => true };
