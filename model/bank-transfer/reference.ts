/**
 * bank-transfer/reference: the protocol of impl/bank-transfer/reference, with
 * N transfers. The durable record `rec` uses the impl's states: cashingOut
 * (CASHING_OUT, intent committed before the external call), crediting
 * (CREDITING), reversing (REVERSING, the durable reversal outbox), and the
 * final succeeded, reversed, failed.
 *
 * Per transfer (each has a client reference the fakes key on):
 * - Submit commits the intent, then sends the cash-out, once. A cash-out and
 *   an undo carry an expiry, after which the institution refuses them.
 * - Cash-out, undo and credit are idempotent by reference at the fakes; the
 *   institution may decline a cash-out, the internal store may reject a
 *   credit, and either answer sticks to the reference.
 * - The API answers SUCCESS, FAILED, or UNKNOWN (pending) when a call times
 *   out; it never guesses. An error reply of any kind (UNAVAILABLE included)
 *   is, to the coordinator, the same unknown outcome as a timeout, so it is
 *   modelled by the network losing or delaying a message. A rejected credit
 *   commits the reversal before FAILED is answered.
 * - A recovery worker picks up any unfinished record. An unknown cash-out is
 *   never sent again: recovery waits until the request's expiry has passed,
 *   then asks the status by reference, which is final (applied: credit it;
 *   otherwise: failed). crediting is credited again. An unknown undo is
 *   looked up the same way after its expiry; if the money is still out, a
 *   new undo with a new expiry is sent.
 * - Faults: up to LOSSES network faults (a lost request or reply; a cash-out
 *   or undo request is instead delayed past its caller's timeout, and stays
 *   in flight in `late`, from where it may still apply until its expiry) and
 *   up to CRASHES coordinator crashes, which drop the incarnation's volatile
 *   work and replies while its sent cash-out or undo requests stay in flight.
 *   The client may ask again (ASKS times) with its reference.
 * - EXPIRY=FALSE removes the expiry: recovery asks the status while the
 *   request may still be in flight, and the checker finds the money that
 *   leaves after the transfer was recorded as failed.
 * - SHARED makes transfer 1 the user's second press on transfer 0's external
 *   account, which holds funds for one transfer; the user presses again only
 *   after a FAILED answer, and the institution lets the balance go negative
 *   (seed 003). LOCK is the impl's one-unsettled-transfer-per-account lock: a
 *   press on a locked account is refused and nothing moves (a disabled Submit).
 *   With SHARED and LOCK=FALSE the checker finds seed 003's overdraft.
 *
 * Left out: a credit request or status query still in flight after its caller
 * gave up (the ledger's answer per transfer id sticks and a status query moves
 * nothing, so either is a repeat), a late cash-out declined rather than
 * applied (the same as expiring, for the money), and non-idempotent fakes.
 * Twin: spec-tla/bank-transfer/Reference.tla.
 */
import { actionsOf, erase, range, type ModelDef } from '../checker/define.ts';
import { AMOUNT, moneyInvariants } from './invariants.ts';
import { referenceActions } from './reference-actions.ts';
import * as shape from './reference-shape.ts';
import type { Bounds, RefShape, RefState } from './reference-shape.ts';

// Local copies: invariants run on every new state (see reference-actions.ts).
const { Answer, Ext, Int, Late, Net, Rec, Work, pending, settled, referenceShape } = shape;

export const reference: ModelDef = {
  id: 'bank-transfer/reference',
  description: 'Reference protocol: durable intent, references, request expiry, final status query, durable reversal outbox, recovery, account lock',
  constants: [
    { name: 'N', description: 'number of transfers', default: 3, min: 1, max: 4 },
    { name: 'CRASHES', description: 'coordinator crashes allowed', default: 2, min: 0, max: 3 },
    { name: 'LOSSES', description: 'network faults: messages lost, or cash-out and undo requests delayed past their timeout', default: 3, min: 0, max: 4 },
    { name: 'ASKS', description: 'times a client may ask again for an unknown answer', default: 2, min: 0, max: 3 },
    { name: 'EXPIRY', description: 'requests expire and status is asked only after the expiry', default: 1, min: 0, max: 1, boolean: true },
    { name: 'SHARED', description: 'transfer 1 is a second press on the account of transfer 0 (needs N >= 2)', default: 1, min: 0, max: 1, boolean: true },
    { name: 'LOCK', description: 'a transfer is refused while another of its account is unsettled', default: 1, min: 0, max: 1, boolean: true },
  ],
  build: (c) => {
    const N = c['N']!;
    const T = range(N);
    const bounds: Bounds = {
      crashes: c['CRASHES']!,
      losses: c['LOSSES']!,
      asks: c['ASKS']!,
      expiry: c['EXPIRY'] === 1,
      shared: c['SHARED'] === 1 && N >= 2,
      lock: c['LOCK'] === 1,
    };
    // Every account holds the funds of one transfer.
    const BALANCE = (bounds.shared ? N - 1 : N) * AMOUNT;
    const stateShape = referenceShape(N, bounds);
    const act = actionsOf(stateShape);
    const count = (values: readonly number[], label: number): number => {
      let k = 0;
      for (let t = 0; t < N; t++) if (values[t] === label) k++;
      return k;
    };
    const externalBalance = (s: RefState): number => BALANCE - AMOUNT * count(s.ext, Ext.applied);
    const internalBalance = (s: RefState): number => AMOUNT * count(s.credit, Int.credited);
    // Only the shared account can go below zero; the others back their one transfer.
    const sharedBalance = (s: RefState): number => AMOUNT * (1 - (s.ext[0] === Ext.applied ? 1 : 0) - (s.ext[1] === Ext.applied ? 1 : 0));
    // No coordinator, recovery, fake or late request can move: only the client or a fault could.
    const quiescent = (s: RefState): boolean => {
      for (let t = 0; t < N; t++) if (s.work[t] !== Work.idle || s.net[t] !== Net.none || s.late[t] !== Late.none || pending(s, t)) return false;
      return true;
    };
    return erase({
      shape: stateShape,
      init: () => {},
      actions: referenceActions(act, T, bounds),
      invariants: moneyInvariants<RefShape>({
        balance: BALANCE,
        transfers: T,
        externalBalance,
        internalBalance,
        ...(bounds.shared ? { lowestExternalBalance: sharedBalance } : {}),
        quiescent,
        creditedWithoutDebit: (s, t) => s.credit[t] === Int.credited && s.ext[t] !== Ext.applied,
        orphaned: (s, t) => s.ext[t] === Ext.applied && s.credit[t] !== Int.credited && !pending(s, t),
        answeredSuccessWithoutCredit: (s, t) => s.answer[t] === Answer.success && s.credit[t] !== Int.credited,
        answeredFailedWithMovement: (s, t) => s.answer[t] === Answer.failed && (s.credit[t] === Int.credited || s.ext[t] === Ext.applied),
        unsettled: (s, t) => s.rec[t] !== Rec.none && !settled(s, t),
      }),
      properties: T.map((t) => ({
        kind: 'leads-to' as const,
        name: `Settles_${t}`,
        description: `transfer ${t}, once submitted, eventually reaches a final state (credited, reversed or failed)`,
        p: (s: RefState) => s.rec[t] !== Rec.none,
        q: (s: RefState) => settled(s, t),
      })),
      fairness: [
        { name: 'External', actions: ['ExtApply', 'ExtDecline', 'ExtStatus', 'ExtUndo'] },
        { name: 'Internal', actions: ['IntCredit', 'IntReject'] },
        // A late request eventually arrives or expires.
        { name: 'Late', actions: ['LateApply', 'Expire'] },
        {
          name: 'Coordinator',
          actions: ['CashOutOk', 'CashOutDeclined', 'StatusApplied', 'StatusNotApplied', 'CreditOk', 'CreditRejected', 'UndoOk', 'StatusUndone', 'StatusNotUndone', 'Timeout'],
        },
        { name: 'Recovery', actions: ['Recover'] },
      ],
      // Nothing is owed or in flight; a transfer never submitted (a second press never needed) is a proper end too.
      terminal: (s) => T.every((t) => !pending(s, t) && s.work[t] === Work.idle && s.late[t] === Late.none),
    });
  },
};
