/**
 * The idempotency keys the reference design derives from a transaction id:
 * every attempt of one step carries the same key, so a repeat (a retry, a
 * second worker, a redelivered message, another incarnation) is recognised
 * by the service that receives it.
 */
export const withdrawKey = (transactionId: string): string => `${transactionId}:withdraw`;
export const remitKey = (transactionId: string): string => `${transactionId}:remit`;
export const refundKey = (transactionId: string): string => `${transactionId}:refund`;

/** Calls to the investor and fund services give up waiting after this. */
export const CALL_TIMEOUT_MS = 500;

/**
 * A withdrawal request expires this long after it is sent: the investor
 * service refuses it unapplied if it arrives later (held up in the network,
 * a second copy). After the expiry, the count of applications under the
 * key is final, which is what makes a lookup conclusive.
 */
export const WITHDRAW_EXPIRY_MS = 2000;
