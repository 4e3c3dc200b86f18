/**
 * The actions of bank-transfer/reference (see reference.ts for the protocol).
 *
 * Every call is two steps: the caller sets `work` (which call) and puts a
 * request in `net`; a fake answers by replacing the request with a reply;
 * the coordinator consumes the reply. The network may drop whatever is in
 * `net`, after which the caller's only move is to time out.
 */
import type { ActionDef, action } from '../checker/define.ts';
import * as shape from './reference-shape.ts';
import type { Bounds, RefShape, RefState } from './reference-shape.ts';

// Local copies of the labels: under the TypeScript loader an imported binding
// costs a getter call on every use, and these are read in every action.
const { Answer, Ext, Int, Net, Rec, Work } = shape;

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

/** A coordinator step consuming reply `reply` to call `work`. */
function onReply(act: Act, name: string, T: number[], work: number, reply: number, then: (s: RefState, t: number) => void, target: string): Def {
  return act(name, { t: T }, (s, t) => {
    if (s.work[t] !== work || s.net[t] !== reply) return false;
    then(s, t);
    return true;
  }, { actor: target, target: 'Coordinator' });
}

/** A fake answering a request for call `work`; `answer` returns the reply, or -1 when it cannot. */
function onRequest(act: Act, name: string, T: number[], work: number, actor: string, answer: (s: RefState, t: number) => number): Def {
  return act(name, { t: T }, (s, t) => {
    if (s.work[t] !== work || s.net[t] !== Net.request) return false;
    const reply = answer(s, t);
    if (reply === -1) return false;
    s.net[t] = reply;
    return true;
  }, { actor, target: 'Coordinator' });
}

export function referenceActions(act: Act, T: number[], bounds: Bounds): Def[] {
  return [
    act('Submit', { t: T }, (s, t) => {
      if (s.rec[t] !== Rec.none) return false;
      s.rec[t] = Rec.cashingOut;
      s.api[t] = 1;
      call(s, t, Work.cashout);
      return true;
    }, { actor: 'Client', target: 'Coordinator' }),
    ...fakeActions(act, T),
    act('Lose', { t: T }, (s, t) => {
      if (s.net[t] === Net.none || s.losses >= bounds.losses) return false;
      s.net[t] = Net.none;
      s.losses += 1;
      return true;
    }, { actor: 'Network' }),
    ...coordinatorActions(act, T),
    act('Recover', { t: T }, (s, t) => {
      if (s.work[t] !== Work.idle) return false;
      const next = s.rec[t] === Rec.cashingOut ? Work.query : s.rec[t] === Rec.crediting ? Work.credit : s.rec[t] === Rec.reversing ? Work.return : -1;
      if (next === -1) return false;
      call(s, t, next);
      return true;
    }, { actor: 'Recovery', target: 'Coordinator' }),
    act('Crash', {}, (s) => {
      if (s.crashes >= bounds.crashes || !T.some((t) => s.work[t] !== Work.idle)) return false;
      s.crashes += 1;
      for (const t of T) endCall(s, t, Answer.unknown);
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

/** The external institution and the internal store, each idempotent by the transfer's reference. */
function fakeActions(act: Act, T: number[]): Def[] {
  return [
    onRequest(act, 'ExtApply', T, Work.cashout, 'External', (s, t) => {
      if (s.ext[t] === Ext.declined) return -1;
      s.ext[t] = Ext.applied;
      return Net.ok;
    }),
    onRequest(act, 'ExtDecline', T, Work.cashout, 'External', (s, t) => {
      if (s.ext[t] === Ext.applied) return -1;
      s.ext[t] = Ext.declined;
      return Net.no;
    }),
    onRequest(act, 'ExtStatus', T, Work.query, 'External', (s, t) => (s.ext[t] === Ext.applied ? Net.ok : s.ext[t] === Ext.declined ? Net.no : Net.unseen)),
    onRequest(act, 'IntCredit', T, Work.credit, 'Internal', (s, t) => {
      if (s.credit[t] === Int.rejected) return -1;
      s.credit[t] = Int.credited;
      return Net.ok;
    }),
    onRequest(act, 'IntReject', T, Work.credit, 'Internal', (s, t) => {
      if (s.credit[t] === Int.credited) return -1;
      s.credit[t] = Int.rejected;
      return Net.no;
    }),
    onRequest(act, 'ExtReturn', T, Work.return, 'External', (s, t) => {
      s.ext[t] = Ext.returned;
      return Net.ok;
    }),
  ];
}

function coordinatorActions(act: Act, T: number[]): Def[] {
  const toCredit = (s: RefState, t: number): void => {
    s.rec[t] = Rec.crediting;
    call(s, t, Work.credit);
  };
  return [
    onReply(act, 'CashOutOk', T, Work.cashout, Net.ok, toCredit, 'External'),
    onReply(act, 'CashOutDeclined', T, Work.cashout, Net.no, (s, t) => {
      s.rec[t] = Rec.failed;
      endCall(s, t, Answer.failed);
    }, 'External'),
    onReply(act, 'StatusApplied', T, Work.query, Net.ok, toCredit, 'External'),
    onReply(act, 'StatusDeclined', T, Work.query, Net.no, (s, t) => {
      s.rec[t] = Rec.failed;
      endCall(s, t, Answer.failed);
    }, 'External'),
    // The institution has never seen the reference: re-sending the cash-out with it is safe.
    onReply(act, 'StatusUnknown', T, Work.query, Net.unseen, (s, t) => call(s, t, Work.cashout), 'External'),
    onReply(act, 'CreditOk', T, Work.credit, Net.ok, (s, t) => {
      s.rec[t] = Rec.succeeded;
      endCall(s, t, Answer.success);
    }, 'Internal'),
    // The reversal is committed to the durable record before FAILED is answered.
    onReply(act, 'CreditRejected', T, Work.credit, Net.no, (s, t) => {
      s.rec[t] = Rec.reversing;
      if (s.api[t] === 1) {
        s.answer[t] = Answer.failed;
        s.api[t] = 0;
      }
      call(s, t, Work.return);
    }, 'Internal'),
    onReply(act, 'ReturnOk', T, Work.return, Net.ok, (s, t) => {
      s.rec[t] = Rec.reversed;
      endCall(s, t, Answer.failed);
    }, 'External'),
    act('Timeout', { t: T }, (s, t) => {
      if (s.work[t] === Work.idle || s.net[t] !== Net.none) return false;
      endCall(s, t, Answer.unknown);
      return true;
    }, { actor: 'Coordinator' }),
  ];
}
