/**
 * The external institution, the internal store and the network of
 * bank-transfer/reference (see reference.ts for the protocol).
 *
 * Both fakes are idempotent by the transfer's reference and repeat their
 * first answer. A fake answers the current call by replacing its request in
 * `net` with a reply. The network may lose a message, taking one unit of the
 * LOSSES budget; a cash-out or undo request is not lost but delayed past its
 * caller's timeout: it moves to `late`, from where it may still apply, or, once
 * its expiry has passed (EXPIRY), never will.
 */
import type { ActionDef, action } from '../checker/define.ts';
import * as shape from './reference-shape.ts';
import type { Bounds, RefShape, RefState } from './reference-shape.ts';

// Local copies of the labels: under the TypeScript loader an imported binding
// costs a getter call on every use, and these are read in every action.
const { Ext, Int, Late, Net, Work } = shape;

type Act = typeof action<RefShape>;
type Def = ActionDef<RefShape>;

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

/** True when the message in flight for `t` is a cash-out or undo request, which can move money. */
const movesMoney = (s: RefState, t: number): boolean => s.net[t] === Net.request && (s.work[t] === Work.cashout || s.work[t] === Work.undo);

/** Leaves the cash-out or undo request in flight for `t` to arrive late. Two late undos are one: the undo is idempotent. */
export function leaveLate(s: RefState, t: number): void {
  if (movesMoney(s, t)) s.late[t] = s.work[t] === Work.cashout ? Late.cashout : Late.undo;
}

export function fakeActions(act: Act, T: number[]): Def[] {
  return [
    onRequest(act, 'ExtApply', T, Work.cashout, 'External', (s, t) => {
      if (s.ext[t] === Ext.declined) return -1;
      if (s.ext[t] === Ext.unseen) s.ext[t] = Ext.applied;
      return Net.ok;
    }),
    onRequest(act, 'ExtDecline', T, Work.cashout, 'External', (s, t) => {
      if (s.ext[t] !== Ext.unseen && s.ext[t] !== Ext.declined) return -1;
      s.ext[t] = Ext.declined;
      return Net.no;
    }),
    // The status by reference: is the money out (applied and not undone)?
    onRequest(act, 'ExtStatus', T, Work.query, 'External', (s, t) => (s.ext[t] === Ext.applied ? Net.ok : Net.no)),
    onRequest(act, 'ExtUndo', T, Work.undo, 'External', (s, t) => {
      if (s.ext[t] === Ext.applied) s.ext[t] = Ext.undone;
      return Net.ok;
    }),
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
    // A late request arrives before its expiry and applies; nobody waits for the reply.
    act('LateApply', { t: T }, (s, t) => {
      const late = s.late[t]!;
      if (late === Late.none) return false;
      if (late === Late.cashout && s.ext[t] === Ext.unseen) s.ext[t] = Ext.applied;
      if (late === Late.undo && s.ext[t] === Ext.applied) s.ext[t] = Ext.undone;
      s.late[t] = Late.none;
      return true;
    }, { actor: 'Network', target: 'External' }),
  ];
}

export function networkActions(act: Act, T: number[], bounds: Bounds): Def[] {
  return [
    act('Lose', { t: T }, (s, t) => {
      if (s.net[t] === Net.none || movesMoney(s, t) || s.losses >= bounds.losses) return false;
      s.net[t] = Net.none;
      s.losses += 1;
      return true;
    }, { actor: 'Network' }),
    act('Delay', { t: T }, (s, t) => {
      if (!movesMoney(s, t) || s.losses >= bounds.losses) return false;
      leaveLate(s, t);
      s.net[t] = Net.none;
      s.losses += 1;
      return true;
    }, { actor: 'Network' }),
    // Time passes the late request's expiry: the institution would refuse it now.
    act('Expire', { t: T }, (s, t) => {
      if (!bounds.expiry || s.late[t] === Late.none) return false;
      s.late[t] = Late.none;
      return true;
    }, { actor: 'Clock' }),
  ];
}
