/**
 * The client, coordinator and recovery actions of bank-transfer/reference
 * (see reference.ts for the protocol; the fakes and the network are in
 * reference-fakes.ts).
 *
 * Every call is two steps: the caller sets `work` (which call) and puts a
 * request in `net`; a fake answers by replacing the request with a reply;
 * the coordinator consumes the reply. Once the network has lost or delayed
 * the message, the caller's only move is to time out.
 */
import type { ActionDef, action } from '../checker/define.ts';
import { fakeActions, leaveLate, networkActions } from './reference-fakes.ts';
import * as shape from './reference-shape.ts';
import type { Bounds, RefShape, RefState } from './reference-shape.ts';

// Local copies of the labels: under the TypeScript loader an imported binding
// costs a getter call on every use, and these are read in every action.
const { Answer, Late, Net, Rec, Work } = shape;
const pending = shape.pending;

type Act = typeof action<RefShape>;
type Def = ActionDef<RefShape>;

/** Ends the current call; if the API handler made it, the client gets `answer`. */
function endCall(s: RefState, t: number, answer: number): void {
  s.work[t] = Work.idle;
  s.net[t] = Net.none;
  if (s.api[t] === 1) {
    s.answer[t] = answer;
    s.api[t] = 0;
  }
}

function call(s: RefState, t: number, work: number): void {
  s.work[t] = work;
  s.net[t] = Net.request;
}

/** A coordinator step consuming reply `reply` to call `work` while the record is in state `rec`. */
function onReply(act: Act, name: string, T: number[], work: number, reply: number, rec: number, then: (s: RefState, t: number) => void, peer: string): Def {
  return act(name, { t: T }, (s, t) => {
    if (s.work[t] !== work || s.net[t] !== reply || s.rec[t] !== rec) return false;
    then(s, t);
    return true;
  }, { actor: peer, target: 'Coordinator' });
}

/**
 * The accounts transfers draw on: each its own, except that with `shared`
 * transfer 1 is the user's second press on transfer 0's account.
 */
export const accountOf = (t: number, bounds: Bounds): number => (bounds.shared && t === 1 ? 0 : t);

export function referenceActions(act: Act, T: number[], bounds: Bounds): Def[] {
  const sameAccount = T.map((t) => T.filter((u) => u !== t && accountOf(u, bounds) === accountOf(t, bounds)));
  const busy = (s: RefState): boolean => {
    for (let t = 0; t < T.length; t++) if (s.work[t] !== Work.idle) return true;
    return false;
  };
  return [
    act('Submit', { t: T }, (s, t) => {
      if (s.rec[t] !== Rec.none) return false;
      // The second press comes only after the first was answered FAILED (seed 003).
      if (bounds.shared && t === 1 && s.answer[0] !== Answer.failed) return false;
      // The account lock: while another transfer of the account is unsettled, the request is refused and nothing moves.
      if (bounds.lock) {
        const others = sameAccount[t]!;
        for (let k = 0; k < others.length; k++) if (pending(s, others[k]!)) return false;
      }
      s.rec[t] = Rec.cashingOut;
      s.api[t] = 1;
      call(s, t, Work.cashout);
      return true;
    }, { actor: 'Client', target: 'Coordinator' }),
    ...fakeActions(act, T),
    ...networkActions(act, T, bounds),
    ...coordinatorActions(act, T),
    act('Recover', { t: T }, (s, t) => {
      if (s.work[t] !== Work.idle) return false;
      const r = s.rec[t];
      if (r === Rec.crediting) {
        call(s, t, Work.credit);
        return true;
      }
      if (r !== Rec.cashingOut && r !== Rec.reversing) return false;
      // An unknown cash-out or undo is looked up by status, and with EXPIRY only once its request can no longer apply.
      if (bounds.expiry && s.late[t] !== Late.none) return false;
      call(s, t, Work.query);
      return true;
    }, { actor: 'Recovery', target: 'Coordinator' }),
    act('Crash', {}, (s) => {
      if (s.crashes >= bounds.crashes || !busy(s)) return false;
      s.crashes += 1;
      // Requests already sent still arrive; replies to the crashed incarnation are lost.
      for (const t of T) {
        leaveLate(s, t);
        endCall(s, t, Answer.unknown);
      }
      return true;
    }, { actor: 'Coordinator' }),
    act('Ask', { t: T }, (s, t) => {
      if (s.answer[t] !== Answer.unknown || s.api[t] === 1 || s.asks[t]! >= bounds.asks) return false;
      s.asks[t]! += 1;
      const r = s.rec[t]!;
      s.answer[t] = r === Rec.succeeded ? Answer.success : r === Rec.failed || r === Rec.reversing || r === Rec.reversed ? Answer.failed : Answer.unknown;
      return true;
    }, { actor: 'Client', target: 'Coordinator' }),
  ];
}

function coordinatorActions(act: Act, T: number[]): Def[] {
  const toCredit = (s: RefState, t: number): void => {
    s.rec[t] = Rec.crediting;
    call(s, t, Work.credit);
  };
  const fail = (s: RefState, t: number): void => {
    s.rec[t] = Rec.failed;
    endCall(s, t, Answer.failed);
  };
  const reversed = (s: RefState, t: number): void => {
    s.rec[t] = Rec.reversed;
    endCall(s, t, Answer.failed);
  };
  const { cashingOut, crediting, reversing } = Rec;
  return [
    onReply(act, 'CashOutOk', T, Work.cashout, Net.ok, cashingOut, toCredit, 'External'),
    onReply(act, 'CashOutDeclined', T, Work.cashout, Net.no, cashingOut, fail, 'External'),
    // The status of an unknown cash-out is final: applied means credit it, anything else means it failed.
    onReply(act, 'StatusApplied', T, Work.query, Net.ok, cashingOut, toCredit, 'External'),
    onReply(act, 'StatusNotApplied', T, Work.query, Net.no, cashingOut, fail, 'External'),
    onReply(act, 'CreditOk', T, Work.credit, Net.ok, crediting, (s, t) => {
      s.rec[t] = Rec.succeeded;
      endCall(s, t, Answer.success);
    }, 'Internal'),
    // The reversal is committed to the durable record before FAILED is answered.
    onReply(act, 'CreditRejected', T, Work.credit, Net.no, crediting, (s, t) => {
      s.rec[t] = Rec.reversing;
      if (s.api[t] === 1) {
        s.answer[t] = Answer.failed;
        s.api[t] = 0;
      }
      call(s, t, Work.undo);
    }, 'Internal'),
    onReply(act, 'UndoOk', T, Work.undo, Net.ok, reversing, reversed, 'External'),
    // An unknown undo: the money is back, or a new undo (with a new expiry) is sent.
    onReply(act, 'StatusUndone', T, Work.query, Net.no, reversing, reversed, 'External'),
    onReply(act, 'StatusNotUndone', T, Work.query, Net.ok, reversing, (s, t) => call(s, t, Work.undo), 'External'),
    act('Timeout', { t: T }, (s, t) => {
      if (s.work[t] === Work.idle || s.net[t] !== Net.none) return false;
      endCall(s, t, Answer.unknown);
      return true;
    }, { actor: 'Coordinator' }),
  ];
}
