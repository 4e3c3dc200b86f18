/**
 * The shared state of the database engine that every statement works on,
 * and the visibility rules all statements share.
 *
 * `seq` counts commits: a snapshot is the value of `seq` when it was taken.
 * At read committed every statement takes a fresh snapshot; at repeatable
 * read and serializable the transaction's first statement takes one that
 * every later statement reuses (Postgres takes it at the first statement,
 * not at BEGIN). A transaction always sees its own uncommitted writes.
 */
import { RowLocks } from './row-locks.ts';
import type { SqlTable } from './sql-table.ts';
import type { SqlTransaction } from './sql-transaction.ts';
import type { Predicate, Row, RowKey, TxId } from './sql-types.ts';

export interface EngineState {
  readonly tables: Map<string, SqlTable>;
  readonly locks: RowLocks;
  /** Open transactions, and committed serializable ones still needed for conflict tracking. */
  readonly txs: Map<TxId, SqlTransaction>;
  seq: number;
  /** Virtual time in ms, set by the caller; used only for lock timeouts. */
  now: number;
  /** A lock wait longer than this fails with LOCK_TIMEOUT; null waits forever. */
  readonly lockTimeoutMs: number | null;
}

export function newEngineState(tables: Map<string, SqlTable>, lockTimeoutMs: number | null): EngineState {
  return { tables, locks: new RowLocks(), txs: new Map(), seq: 0, now: 0, lockTimeoutMs };
}

/** An unknown table name is the caller's mistake, not a database outcome. */
export function tableOf(state: EngineState, name: string): SqlTable {
  const table = state.tables.get(name);
  if (table === undefined) throw new Error(`no table named ${name}`);
  return table;
}

export function statementSnapshot(state: EngineState, tx: SqlTransaction): number {
  if (tx.level === 'read-committed') return state.seq;
  tx.snapshot ??= state.seq;
  return tx.snapshot;
}

/** The row `tx` sees under `snapshot`, its own writes included; null if absent or deleted. */
export function readRow(tx: SqlTransaction, table: SqlTable, key: RowKey, snapshot: number): Row | null {
  const own = tx.ownWrite(table.schema.name, key);
  if (own !== undefined) return own.after;
  return table.visible(key, snapshot)?.row ?? null;
}

/** The keys of the rows `tx` sees matching `where`, in key order. */
export function matchingKeys(tx: SqlTransaction, table: SqlTable, where: Predicate, snapshot: number): RowKey[] {
  const out: RowKey[] = [];
  for (const key of table.keys()) {
    const row = readRow(tx, table, key, snapshot);
    if (row !== null && where.test(row)) out.push(key);
  }
  return out;
}
