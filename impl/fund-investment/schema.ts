/**
 * The transaction service's database in fund-investment: the tables every
 * design writes and the states of a transaction row. The world reads the
 * committed rows directly (which transactions exist, which are terminal,
 * which notifications still wait in an outbox), so these names and meanings
 * are part of the contract.
 *
 * transactions(id, requestKey, investor, fund, amount, state, version,
 * reason, attempt, expiresAtMs, updatedAtMs). `version` is the optimistic
 * lock: a writer updates `WHERE id = $1 AND version = $2` and bumps it.
 * A design may use any states it likes besides the terminal ones:
 * COMPLETE (the money reached the fund), FAILED (it did not; whatever left
 * the investor went back), and REJECTED (the request was refused when it
 * was made; the row only records that answer under the client's key, no
 * money moves and nobody is notified).
 *
 * outbox(id, transactionId, party, status, sent): notifications committed
 * with the transaction's terminal state and not yet delivered while `sent`
 * is false. The world waits for them to drain.
 *
 * processed(messageId): queue messages a consumer has handled for good.
 */
export const TRANSACTIONS = 'transactions';
export const OUTBOX = 'outbox';
export const PROCESSED = 'processed';

/** The states after which nothing more happens to a transaction. */
export const TERMINAL_STATES: ReadonlySet<string> = new Set(['COMPLETE', 'FAILED', 'REJECTED']);

/** The reference design's states before a terminal one, in the order a transaction passes them. */
export const OPEN_STATES = ['QUEUED', 'RESERVED', 'WITHDRAWING', 'WITHDRAWN', 'REMITTED', 'UNDOING'] as const;
