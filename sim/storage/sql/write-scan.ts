/**
 * UPDATE, DELETE and SELECT ... FOR UPDATE: lock each row that matched at
 * the statement's start, then act on it.
 *
 * The rows are those the statement's snapshot shows matching the WHERE
 * clause, in key order. For each one the statement takes the row lock,
 * waiting (`blocked`) while another transaction holds it. If the row's
 * newest committed version is later than the statement's snapshot (the
 * holder it waited for committed a change, or a transaction committed since
 * a repeatable-read snapshot), Postgres' rules apply:
 * - read committed re-evaluates the WHERE clause on the newest version and
 *   acts on that version if it still matches (EvalPlanQual), skips it if not
 *   or if it was deleted;
 * - repeatable read and serializable fail with SERIALIZATION_FAILURE ("could
 *   not serialize access due to concurrent update": first committer wins).
 */
import { matchingKeys, readRow, statementSnapshot, tableOf, type EngineState } from './engine-state.ts';
import type { PendingScan, ScanAction } from './pending-statement.ts';
import { noteRead, noteWrite, pivotDoomed } from './ssi-tracker.ts';
import { abortTx } from './tx-abort.ts';
import { stopWaiting, waitFor } from './lock-wait.ts';
import { uniqueConflict } from './unique-check.ts';
import type { SqlTransaction } from './sql-transaction.ts';
import { ok, type Predicate, type Row, type RowKey, type SqlResult } from './sql-types.ts';

/** Starts a scan over the rows `where` matches now; `keys` narrows the candidates (a statement by key). */
export function startScan(
  state: EngineState,
  tx: SqlTransaction,
  tableName: string,
  where: Predicate,
  action: ScanAction,
  key: RowKey | null,
): SqlResult {
  const table = tableOf(state, tableName);
  const snapshot = statementSnapshot(state, tx);
  let candidates: RowKey[];
  if (key === null) candidates = matchingKeys(tx, table, where, snapshot);
  else {
    const row = readRow(tx, table, key, snapshot);
    candidates = row !== null && where.test(row) ? [key] : [];
  }
  const pk = table.schema.primaryKey;
  noteRead(state, tx, tableName, key === null ? where.test : (row) => row[pk] === key && where.test(row));
  const scan: PendingScan = { kind: 'scan', table: tableName, where, action, snapshot, candidates, index: 0, rows: [] };
  return runScan(state, tx, scan);
}

/** Runs (or resumes) a scan until it finishes, blocks or fails. */
export function runScan(state: EngineState, tx: SqlTransaction, scan: PendingScan): SqlResult {
  const table = tableOf(state, scan.table);
  while (scan.index < scan.candidates.length) {
    const key = scan.candidates[scan.index]!;
    const holder = state.locks.holder(scan.table, key);
    if (holder !== undefined && holder !== tx.id) {
      tx.pending = scan;
      return waitFor(state, tx, holder);
    }
    const own = tx.ownWrite(scan.table, key);
    const newest = table.newest(key);
    let target: Row | null;
    if (own !== undefined) target = own.after;
    else if (newest !== undefined && newest.seq > scan.snapshot) {
      if (tx.level !== 'read-committed') {
        return abortTx(state, tx, 'SERIALIZATION_FAILURE', `could not serialize access due to concurrent update of ${scan.table}/${key}`);
      }
      target = newest.row !== null && scan.where.test(newest.row) ? newest.row : null;
    } else target = readRow(tx, table, key, scan.snapshot);
    if (target !== null) {
      const failed = act(state, tx, scan, key, target, newest?.row ?? null);
      if (failed !== null) return failed;
    }
    scan.index++;
  }
  tx.pending = null;
  stopWaiting(tx);
  return ok(scan.rows);
}

/** Applies the scan's action to one locked row; returns a result only when the statement must stop. */
function act(state: EngineState, tx: SqlTransaction, scan: PendingScan, key: RowKey, target: Row, committed: Row | null): SqlResult | null {
  const action = scan.action;
  if (action.kind === 'lock') {
    state.locks.acquire(tx.id, scan.table, key);
    scan.rows.push(target);
    return null;
  }
  let after: Row | null = null;
  if (action.kind === 'update') {
    const table = tableOf(state, scan.table);
    after = { ...target, ...action.set(target) };
    if (after[table.schema.primaryKey] !== key) throw new Error(`an UPDATE of ${scan.table} may not change its primary key`);
    const conflict = uniqueConflict(state, tx, table, after, key);
    if (conflict !== null) {
      const holder = conflict.holder;
      if (holder !== null) {
        tx.pending = scan;
        return waitFor(state, tx, holder);
      }
      return abortTx(state, tx, 'UNIQUE_VIOLATION', conflict.message);
    }
  }
  state.locks.acquire(tx.id, scan.table, key);
  const write = tx.recordWrite(scan.table, key, committed, after);
  noteWrite(state, tx, write);
  if (pivotDoomed(state, tx)) return abortTx(state, tx, 'SERIALIZATION_FAILURE', 'could not serialize access due to read/write dependencies among transactions');
  scan.rows.push(after ?? target);
  return null;
}
