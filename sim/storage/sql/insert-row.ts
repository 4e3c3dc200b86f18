/**
 * INSERT and INSERT ... ON CONFLICT DO NOTHING.
 *
 * The new row's primary key is locked by the inserting transaction until it
 * ends, as Postgres' unique index does. A key another open transaction has
 * locked makes the INSERT wait for it (`blocked`); once that transaction has
 * ended the INSERT looks again at the newest committed state:
 * - a plain INSERT over an existing row fails with UNIQUE_VIOLATION;
 * - ON CONFLICT DO NOTHING affects 0 rows, except that at repeatable read
 *   and serializable a conflicting row the transaction's snapshot cannot
 *   see fails with SERIALIZATION_FAILURE, as Postgres does.
 */
import { statementSnapshot, tableOf, type EngineState } from './engine-state.ts';
import { stopWaiting, waitFor } from './lock-wait.ts';
import type { PendingInsert } from './pending-statement.ts';
import { noteRead, noteWrite, pivotDoomed } from './ssi-tracker.ts';
import type { SqlTransaction } from './sql-transaction.ts';
import { ok, type SqlResult } from './sql-types.ts';
import { abortTx } from './tx-abort.ts';
import { uniqueConflict } from './unique-check.ts';

/** Runs (or resumes) an insert until it finishes, blocks or fails. */
export function runInsert(state: EngineState, tx: SqlTransaction, insert: PendingInsert): SqlResult {
  const table = tableOf(state, insert.table);
  const snapshot = statementSnapshot(state, tx);
  const key = table.keyOf(insert.row);
  const pk = table.schema.primaryKey;
  // Whether the key exists is something the INSERT reads; serializable transactions must record it.
  if (tx.pending === null) noteRead(state, tx, insert.table, (row) => row[pk] === key);
  const holder = state.locks.holder(insert.table, key);
  if (holder !== undefined && holder !== tx.id) {
    tx.pending = insert;
    return waitFor(state, tx, holder);
  }
  tx.pending = null;
  stopWaiting(tx);
  const own = tx.ownWrite(insert.table, key);
  const newest = table.newest(key);
  const exists = own !== undefined ? own.after !== null : newest?.row != null;
  if (exists) {
    const message = `duplicate key value violates unique constraint: ${insert.table}.${pk} = ${JSON.stringify(key)}`;
    if (!insert.ifAbsent) return abortTx(state, tx, 'UNIQUE_VIOLATION', message);
    if (own === undefined && tx.level !== 'read-committed' && newest!.seq > snapshot) {
      return abortTx(state, tx, 'SERIALIZATION_FAILURE', `could not serialize access due to concurrent insert of ${insert.table}/${key}`);
    }
    return ok([], 0);
  }
  const conflict = uniqueConflict(state, tx, table, insert.row, key);
  if (conflict !== null) {
    if (conflict.holder !== null) {
      tx.pending = insert;
      return waitFor(state, tx, conflict.holder);
    }
    if (insert.ifAbsent) return ok([], 0);
    return abortTx(state, tx, 'UNIQUE_VIOLATION', conflict.message);
  }
  table.noteKey(key);
  state.locks.acquire(tx.id, insert.table, key);
  const write = tx.recordWrite(insert.table, key, own?.before ?? newest?.row ?? null, insert.row);
  noteWrite(state, tx, write);
  if (pivotDoomed(state, tx)) return abortTx(state, tx, 'SERIALIZATION_FAILURE', 'could not serialize access due to read/write dependencies among transactions');
  return ok([insert.row], 1);
}
