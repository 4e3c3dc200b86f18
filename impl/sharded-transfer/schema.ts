/**
 * The shared database of sharded-transfer: the tables every design writes
 * and the states of a transfer row. The invariants read the committed rows
 * directly, so these names and meanings are part of the contract.
 *
 * accounts(id, balance, blocked): `balance` is the account's money,
 * `blocked` the part of it held for transfers in progress; the available
 * amount is balance - blocked.
 *
 * transfers(id, requestKey, fromAccount, toAccount, fromNode, toNode,
 * amount, kind, state, stubBoot). States of an internal transfer: BLOCKED
 * (scope 1) → CREDITED or FAILED (scope 2, the receiver's node) → COMPLETE
 * or RELEASED (scope 3, the donor's node). A withdrawal: BLOCKED →
 * SUBMITTED (intent recorded before submission) → COMPLETE or RELEASED, or
 * RECONCILE when its outcome cannot be known (the amount stays blocked and
 * is reported for a person to settle). A design may record a refusal as a
 * row in state REFUSED (nothing blocked), so that a late copy of the same
 * request is refused too.
 */
export const ACCOUNTS = 'accounts';
export const TRANSFERS = 'transfers';

export type TransferState = 'BLOCKED' | 'CREDITED' | 'FAILED' | 'SUBMITTED' | 'COMPLETE' | 'RELEASED' | 'RECONCILE' | 'REFUSED';

/** States in which a transfer's amount is still blocked on its donor. */
export const HOLDING_STATES: ReadonlySet<string> = new Set(['BLOCKED', 'CREDITED', 'FAILED', 'SUBMITTED', 'RECONCILE']);
/** States after which nothing more happens to a transfer. */
export const TERMINAL_STATES: ReadonlySet<string> = new Set(['COMPLETE', 'RELEASED', 'RECONCILE', 'REFUSED']);

export const isPayee = (to: string): boolean => to.startsWith('payee-');
