/**
 * fund-investment/naive: the seed 002 flow as written, for N investors and
 * a fund with SEATS seats.
 *
 * The API reads the fund's seat count up front and records and queues the
 * transaction; the seat is not claimed. The worker withdraws (the
 * transaction id as key, retried after a lost reply), remits (the fund
 * rejects it if the seats are gone by then, or refuses it for good), marks
 * the row COMPLETE or FAILED and notifies directly after the commit, from
 * memory. A failed transfer is not undone: the withdrawn money stays out.
 *
 * Expected findings: the race for the last seat leaves the loser's money
 * withdrawn under a FAILED transaction, with no fault at all
 * (NoOrphanedMoney, the default); the same after a refused remittance; a
 * lost reply against a non-idempotent investor service withdraws twice; a
 * crash between the remittance and the commit remits twice on redelivery
 * (RemittedAtMostOnce); a crash between the commit and the notification
 * loses it (NotifiedExactlyOnce, and Settles never holds).
 * Twin: spec-tla/fund-investment/Naive.tla.
 */
import { actionsOf, erase, range, type ModelDef } from '../checker/define.ts';
import { boundsOf, fundConstants } from './constants.ts';
import { crashAction } from './crash-action.ts';
import { fundInvariants, settlesProperties } from './invariants.ts';
import { naiveApiActions, naiveWorkerActions } from './naive-actions.ts';
import { Pc, Row, fundShape, isTerminal, type FundState } from './shape.ts';

export const naive: ModelDef = {
  id: 'fund-investment/naive',
  description: 'Seed 002 flow: seat count read up front, withdraw, remit, mark, notify from memory; no refund, no outbox',
  constants: fundConstants({ n: 2, seats: 1, faults: 0 }),
  build: (c) => {
    const b = boundsOf(c);
    const T = range(b.n);
    const shape = fundShape(b);
    const act = actionsOf(shape);
    // No worker memory and every request answered: a QUEUED row is the worker's work.
    const quiescent = (s: FundState): boolean => {
      for (let t = 0; t < b.n; t++) {
        if (s.pc[t] !== Pc.idle) return false;
        if (s.row[t] !== Row.refused && !isTerminal(s, t)) return false;
      }
      return true;
    };
    const actions = [...naiveApiActions(act, T, b), ...naiveWorkerActions(act, T, b), crashAction(act, b)];
    return erase({
      shape,
      init: () => {},
      actions,
      invariants: fundInvariants(b, quiescent),
      properties: settlesProperties(b.n),
      fairness: [
        { name: 'API', actions: ['Check', 'Refuse'] },
        { name: 'Worker', actions: ['Withdraw', 'Remit', 'RemitRejected', 'Complete', 'Notify'] },
      ],
      terminal: quiescent,
    });
  },
};
