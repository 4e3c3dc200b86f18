/**
 * COMMIT and the end of a transaction.
 *
 * A COMMIT of an aborted transaction rolls it back and reports TX_ABORTED
 * (Postgres answers such a COMMIT with ROLLBACK). A serializable transaction
 * whose COMMIT would complete a dangerous structure (see ssi-tracker.ts) is
 * rolled back with SERIALIZATION_FAILURE. Otherwise its writes become new
 * committed versions under the next commit sequence number, all at once, and
 * its locks are released; blocked statements waiting for it become runnable.
 */
import { tableOf, type EngineState } from './engine-state.ts';
import { completesDangerousStructure } from './ssi-tracker.ts';
import type { SqlTransaction } from './sql-transaction.ts';
import { ok, sqlError, type SqlResult } from './sql-types.ts';
import { prune, releaseEffects } from './tx-abort.ts';

export function commitTx(state: EngineState, tx: SqlTransaction): SqlResult {
  if (tx.status === 'aborted') return endTx(state, tx, sqlError('TX_ABORTED', `transaction ${tx.id} was aborted; COMMIT rolled it back`));
  if (completesDangerousStructure(state, tx)) {
    releaseEffects(state, tx);
    return endTx(state, tx, sqlError('SERIALIZATION_FAILURE', 'could not serialize access due to read/write dependencies among transactions'));
  }
  const seq = ++state.seq;
  for (const write of tx.allWrites()) {
    tableOf(state, write.table).install(write.key, { seq, row: write.after, tx: tx.id });
  }
  tx.commitSeq = seq;
  tx.status = 'committed';
  state.locks.releaseAll(tx.id);
  prune(state);
  return ok([], 0);
}

/** Rolls back an open transaction (ROLLBACK, or a restart when `result` is not needed). */
export function rollbackTx(state: EngineState, tx: SqlTransaction): SqlResult {
  releaseEffects(state, tx);
  return endTx(state, tx, ok([], 0));
}

function endTx(state: EngineState, tx: SqlTransaction, result: SqlResult): SqlResult {
  tx.status = 'rolled-back';
  state.locks.releaseAll(tx.id);
  prune(state);
  return result;
}
