/**
 * The state of bank-transfer/reference: per transfer (arrays indexed by
 * transfer 0 .. N-1) the coordinator's durable record and volatile call, the
 * message of that call in flight, a cash-out or undo request still in flight
 * after its caller gave up, what each fake has applied for the transfer's
 * reference and the client's last answer; globally, the fault budgets used.
 */
import { array, bool, int, labels, oneOf, type StateOf } from '../checker/shape.ts';

/** The coordinator's durable record of a transfer (the impl's CASHING_OUT, CREDITING, ...). */
export const Rec = labels('none', 'cashingOut', 'crediting', 'succeeded', 'reversing', 'reversed', 'failed');
/** The call the coordinator (API handler or recovery) has in progress; volatile. */
export const Work = labels('idle', 'cashout', 'query', 'credit', 'undo');
/** The message of the current call in flight: the request, or a yes or no reply. */
export const Net = labels('none', 'request', 'ok', 'no');
/** A cash-out or undo request still in flight after its caller timed out or crashed. */
export const Late = labels('none', 'cashout', 'undo');
/** The external institution's state for the transfer's reference. */
export const Ext = labels('unseen', 'applied', 'declined', 'undone');
/** The internal store's state for the transfer's reference. */
export const Int = labels('unseen', 'credited', 'rejected');
/** The last answer the client holds. */
export const Answer = labels('none', 'unknown', 'success', 'failed');

export interface Bounds {
  readonly crashes: number;
  readonly losses: number;
  readonly asks: number;
  /** Requests carry an expiry and the coordinator asks for status only once it has passed. */
  readonly expiry: boolean;
  /** Transfer 1 is a second press on transfer 0's external account. */
  readonly shared: boolean;
  /** A transfer is refused while another of its account is unsettled. */
  readonly lock: boolean;
}

export function referenceShape(n: number, b: Bounds) {
  return {
    rec: array(n, oneOf(Rec)),
    work: array(n, oneOf(Work)),
    /** True while the API handler (not recovery) owns the call and the client waits for its answer. */
    api: array(n, bool()),
    net: array(n, oneOf(Net)),
    late: array(n, oneOf(Late)),
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
