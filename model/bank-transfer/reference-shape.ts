/**
 * The state of bank-transfer/reference: per transfer (arrays indexed by
 * transfer 0 .. N-1) the coordinator's durable record and volatile call, the
 * message in flight, what each fake has applied for the transfer's reference
 * and the client's last answer; globally, the fault budgets already used.
 */
import { array, bool, int, labels, oneOf, type StateOf } from '../checker/shape.ts';

/** The coordinator's durable record of a transfer. */
export const Rec = labels('none', 'cashingOut', 'crediting', 'succeeded', 'reversing', 'reversed', 'failed');
/** The call the coordinator (API handler or recovery) has in progress; volatile. */
export const Work = labels('idle', 'cashout', 'query', 'credit', 'return');
/** The message in flight for the transfer: a request or one of three replies. */
export const Net = labels('none', 'request', 'ok', 'no', 'unseen');
/** The external institution's state for the transfer's reference. */
export const Ext = labels('unseen', 'applied', 'declined', 'returned');
/** The internal store's state for the transfer's reference. */
export const Int = labels('unseen', 'credited', 'rejected');
/** The last answer the client holds. */
export const Answer = labels('none', 'unknown', 'success', 'failed');

export interface Bounds {
  readonly crashes: number;
  readonly losses: number;
  readonly asks: number;
}

export function referenceShape(n: number, b: Bounds) {
  return {
    rec: array(n, oneOf(Rec)),
    work: array(n, oneOf(Work)),
    /** True while the API handler (not recovery) owns the call and the client waits for its answer. */
    api: array(n, bool()),
    net: array(n, oneOf(Net)),
    ext: array(n, oneOf(Ext)),
    credit: array(n, oneOf(Int)),
    answer: array(n, oneOf(Answer)),
    asks: array(n, int(0, b.asks)),
    crashes: int(0, b.crashes),
    losses: int(0, b.losses),
  };
}

export type RefShape = ReturnType<typeof referenceShape>;
export type RefState = StateOf<RefShape>;

export const pending = (s: RefState, t: number): boolean => s.rec[t] === Rec.cashingOut || s.rec[t] === Rec.crediting || s.rec[t] === Rec.reversing;
export const settled = (s: RefState, t: number): boolean => s.rec[t] === Rec.succeeded || s.rec[t] === Rec.reversed || s.rec[t] === Rec.failed;
