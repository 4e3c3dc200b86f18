/**
 * Waiting for a row lock: deadlock detection and the lock timeout.
 *
 * A statement that needs a lock another transaction holds is parked in its
 * transaction (see pending-statement.ts) and reported as `blocked`; the
 * caller resumes it later (SqlDatabase.resume), typically when the holder
 * has ended (SqlDatabase.runnable lists those). Every transaction waits for
 * at most one other, so the waits-for graph is a set of chains: a wait that
 * would reach back to the waiter closes a cycle, and the waiter, the
 * transaction that would close it, fails with DEADLOCK_DETECTED. (Postgres
 * picks whichever waiter's deadlock_timeout fires while the cycle exists;
 * when statements arrive further apart than that timeout, that is the one
 * that closed the cycle, as here.) A wait that lasts lockTimeoutMs of virtual
 * time or more fails with LOCK_TIMEOUT when the statement is next resumed.
 */
import type { EngineState } from './engine-state.ts';
import type { SqlTransaction } from './sql-transaction.ts';
import { abortTx } from './tx-abort.ts';
import type { SqlResult, TxId } from './sql-types.ts';

/** Parks `tx`'s current statement behind `holder`, or fails it on a deadlock or a timeout. */
export function waitFor(state: EngineState, tx: SqlTransaction, holder: TxId): SqlResult {
  for (let next: TxId | null = holder; next !== null; next = state.txs.get(next)?.waitingFor ?? null) {
    if (next === tx.id) {
      return abortTx(state, tx, 'DEADLOCK_DETECTED', `deadlock detected: transaction ${tx.id} waits for ${holder}, which waits for it`);
    }
  }
  if (tx.waitingFor !== holder) {
    tx.waitingFor = holder;
    tx.blockedAt = state.now;
  } else if (state.lockTimeoutMs !== null && state.now - tx.blockedAt >= state.lockTimeoutMs) {
    return abortTx(state, tx, 'LOCK_TIMEOUT', `canceling statement due to lock timeout (waited ${state.now - tx.blockedAt} ms for transaction ${holder})`);
  }
  return { kind: 'blocked', waitingFor: holder };
}

/** The statement no longer waits: its lock was granted or it failed. */
export function stopWaiting(tx: SqlTransaction): void {
  tx.waitingFor = null;
}
