/**
 * bank-transfer/reference: the protocol of impl/bank-transfer/reference, with
 * N transfers. The durable record `rec` uses the impl's states: cashingOut
 * (CASHING_OUT, intent committed before the external call), crediting
 * (CREDITING), reversing (REVERSING, the durable reversal outbox), and the
 * final succeeded, reversed, failed.
 *
 * Per transfer (each has a client reference the fakes key on):
 * - Submit commits the intent, then sends the cash-out.
 * - Cash-out, credit and return are idempotent by reference at the fakes;
 *   the external institution may decline a cash-out, the internal store may
 *   reject a credit, and either answer sticks to the reference.
 * - The API answers SUCCESS, FAILED, or UNKNOWN (pending) when a call times
 *   out; it never guesses. A rejected credit commits the reversal before
 *   FAILED is answered.
 * - A recovery worker picks up any unfinished record: for cashingOut it first
 *   queries the external status by reference and re-sends the cash-out (same
 *   reference) only when the institution has never seen it; crediting is
 *   credited; reversing is returned.
 * - Faults: up to LOSSES lost messages (request or reply) and up to CRASHES
 *   coordinator crashes, which drop all volatile work and in-flight messages
 *   of the crashed incarnation. The client may ask again (ASKS times) with
 *   its reference and gets the recorded status.
 *
 * Simplifications against the impl: one message per transfer is in flight
 * at a time and a timeout happens only once it is lost, so a request that
 * arrives after its caller gave up is not explored (the impl bounds that
 * window with request expiry; the simulator exercises it); transfers draw on
 * distinct funds, so the impl's one-unsettled-transfer-per-account lock is
 * not modelled. Twin: spec-tla/bank-transfer/Reference.tla.
 */
import { actionsOf, erase, range, type ModelDef } from '../checker/define.ts';
import { AMOUNT, moneyInvariants } from './invariants.ts';
import { referenceActions } from './reference-actions.ts';
import * as shape from './reference-shape.ts';
import type { RefShape, RefState } from './reference-shape.ts';

// Local copies: invariants run on every new state (see reference-actions.ts).
const { Answer, Ext, Int, Net, Rec, Work, pending, settled, referenceShape } = shape;

export const reference: ModelDef = {
  id: 'bank-transfer/reference',
  description: 'Reference protocol: durable intent, references, status query, durable reversal outbox, recovery',
  constants: [
    { name: 'N', description: 'number of transfers', default: 3, min: 1, max: 4 },
    { name: 'CRASHES', description: 'coordinator crashes allowed', default: 1, min: 0, max: 3 },
    { name: 'LOSSES', description: 'messages the network may lose', default: 2, min: 0, max: 4 },
    { name: 'ASKS', description: 'times a client may ask again for an unknown answer', default: 1, min: 0, max: 3 },
  ],
  build: (c) => {
    const N = c['N']!;
    const BALANCE = N * AMOUNT;
    const T = range(N);
    const bounds = { crashes: c['CRASHES']!, losses: c['LOSSES']!, asks: c['ASKS']! };
    const stateShape = referenceShape(N, bounds);
    const act = actionsOf(stateShape);
    const count = (values: Int32Array, label: number): number => {
      let k = 0;
      for (let t = 0; t < N; t++) if (values[t] === label) k++;
      return k;
    };
    const externalBalance = (s: RefState): number => BALANCE - AMOUNT * count(s.ext, Ext.applied);
    const internalBalance = (s: RefState): number => AMOUNT * count(s.credit, Int.credited);
    // No coordinator, recovery or fake action can move: only the client or a fault could.
    const quiescent = (s: RefState): boolean => {
      for (let t = 0; t < N; t++) if (s.work[t] !== Work.idle || s.net[t] !== Net.none || pending(s, t)) return false;
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
        { name: 'External', actions: ['ExtApply', 'ExtDecline', 'ExtStatus', 'ExtReturn'] },
        { name: 'Internal', actions: ['IntCredit', 'IntReject'] },
        {
          name: 'Coordinator',
          actions: ['CashOutOk', 'CashOutDeclined', 'StatusApplied', 'StatusDeclined', 'StatusUnknown', 'CreditOk', 'CreditRejected', 'ReturnOk', 'Timeout'],
        },
        { name: 'Recovery', actions: ['Recover'] },
      ],
      terminal: (s) => T.every((t) => settled(s, t) && s.work[t] === Work.idle),
    });
  },
};
