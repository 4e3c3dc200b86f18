/**
 * Ending a transaction's effects: what an error, a ROLLBACK, a failed COMMIT
 * and a database restart have in common.
 *
 * As in Postgres, a statement error aborts the transaction at once: its
 * uncommitted writes vanish and its row locks are released (so a deadlock
 * victim unblocks the other transaction), while the client still has to send
 * ROLLBACK to leave the aborted state.
 */
import type { EngineState } from './engine-state.ts';
import type { SqlTransaction } from './sql-transaction.ts';
import { sqlError, type SqlErrorCode, type SqlResult } from './sql-types.ts';

/** Drops the transaction's writes, locks and conflict edges; the record stays until ROLLBACK. */
export function releaseEffects(state: EngineState, tx: SqlTransaction): void {
  tx.discard();
  state.locks.releaseAll(tx.id);
  // An aborted transaction can never be part of a serialization anomaly, so its edges go.
  for (const other of tx.rwIn) state.txs.get(other)?.rwOut.delete(tx.id);
  for (const other of tx.rwOut) state.txs.get(other)?.rwIn.delete(tx.id);
  tx.rwIn.clear();
  tx.rwOut.clear();
  tx.reads.length = 0;
}

/** Fails the current statement with `code` and leaves the transaction aborted. */
export function abortTx(state: EngineState, tx: SqlTransaction, code: SqlErrorCode, message: string): SqlResult {
  releaseEffects(state, tx);
  tx.status = 'aborted';
  return sqlError(code, message);
}

/**
 * Forgets ended transactions that no open serializable transaction overlaps:
 * their reads and writes can no longer form a conflict with anyone. When
 * nothing is open at all, old row versions are vacuumed too.
 */
export function prune(state: EngineState): void {
  let oldest = Infinity;
  let anyOpen = false;
  for (const tx of state.txs.values()) {
    if (!tx.open) continue;
    anyOpen = true;
    if (tx.level === 'serializable' && tx.snapshot !== null) oldest = Math.min(oldest, tx.snapshot);
  }
  for (const tx of state.txs.values()) {
    if (tx.open) continue;
    if (tx.status !== 'committed' || tx.level !== 'serializable' || tx.commitSeq! <= oldest) state.txs.delete(tx.id);
  }
  if (!anyOpen) for (const table of state.tables.values()) table.vacuum();
}
