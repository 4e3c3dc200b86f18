/**
 * accounts-advances/naive: the seed 004 advances flow as written, with the
 * same worker protocol as impl/accounts-advances/naive.
 *
 * Exclusivity of a payment is left to the broker: a worker takes a task,
 * reads the payment row (whatever its state) and asks the accounts manager
 * for a bank transaction with a fresh key, so the manager cannot tell a
 * repeat. On success it then, in a separate step, marks the payment PAID
 * (the seed's own stated risk: a crash in between leaves the account
 * debited and the payment due). A debit without an answer leaves the task
 * to the broker. A refused debit marks the payment FAILED and adds the
 * amount it read to the following week's payment, whatever that payment's
 * state, or creates it.
 *
 * Expected findings: a payment collected twice after a lost reply, a crash
 * between the debit and the row, or a duplicate delivery (CollectedOnce,
 * NotOverCollected); a payment both carried forward and paid, or carried
 * twice (Reconciliation). Twin: spec-tla/accounts-advances/Naive.tla.
 */
import { actionsOf, erase, range, type ModelDef } from '../checker/define.ts';
import { advancesInvariants, fairnessOf, repaidProperty } from './invariants.ts';
import { Pay, Stage, advancesConstants, advancesShape, boundsOf, initAdvance, quiescent, release, slotsOf } from './shape.ts';
import { worldActions } from './world-actions.ts';

const worker = { actor: 'Worker', target: 'AccountsManager' };
const advancesDb = { actor: 'Worker', target: 'AdvancesDb' };

export const naive: ModelDef = {
  id: 'accounts-advances/naive',
  description: 'Seed 004 flow: exclusivity left to the broker, fresh keys per debit, the payment row updated after the debit, carry-forward into any next payment',
  constants: advancesConstants(false),
  build: (c) => {
    const b = boundsOf(c);
    const slots = slotsOf(b);
    const P = range(slots);
    const W = range(b.workers);
    const shape = advancesShape(b);
    const act = actionsOf(shape);
    const holding = (s: { held: number[]; stage: number[] }, w: number, stage: number): boolean => s.held[w] !== 0 && s.stage[w] === stage;
    const actions = [
      ...worldActions(act, P, W, b),
      act('Take', { w: W, p: P }, (s, w, p) => {
        if (s.held[w] !== 0 || !s.queued[p] || s.state[p] === Pay.none) return false;
        s.queued[p] = false;
        s.held[w] = p + 1;
        s.stage[w] = Stage.held;
        s.amt[w] = s.amount[p]!;
        return true;
      }, { actor: 'Broker', target: 'Worker' }),
      act('DebitOk', { w: W }, (s, w) => {
        if (!holding(s, w, Stage.held)) return false;
        s.debits[s.held[w]! - 1]! += 1;
        s.bank += s.amt[w]!;
        s.stage[w] = Stage.debited;
        return true;
      }, worker),
      act('DebitShort', { w: W }, (s, w) => {
        if (!holding(s, w, Stage.held) || s.shortfalls >= b.shortfalls) return false;
        s.shortfalls += 1;
        s.stage[w] = Stage.short;
        return true;
      }, worker),
      // The debit committed but its reply was lost: the worker raises, and the broker will hand the task out again.
      act('DebitReplyLost', { w: W }, (s, w) => {
        if (!holding(s, w, Stage.held) || s.losses >= b.losses) return false;
        s.losses += 1;
        s.debits[s.held[w]! - 1]! += 1;
        s.bank += s.amt[w]!;
        release(s, w);
        return true;
      }, worker),
      act('MarkPaid', { w: W }, (s, w) => {
        if (!holding(s, w, Stage.debited)) return false;
        s.state[s.held[w]! - 1] = Pay.paid;
        release(s, w);
        return true;
      }, advancesDb),
      // FAILED, and the amount read goes into the following week's payment whatever its state (or a new one).
      act('Carry', { w: W }, (s, w) => {
        if (!holding(s, w, Stage.short) || s.held[w]! >= slots) return false;
        const p = s.held[w]! - 1;
        s.state[p] = Pay.failed;
        if (s.state[p + 1] === Pay.none) s.state[p + 1] = Pay.due;
        s.amount[p + 1]! += s.amt[w]!;
        release(s, w);
        return true;
      }, advancesDb),
    ];
    return erase({
      shape,
      init: (s) => initAdvance(s, b),
      actions,
      invariants: advancesInvariants(b),
      properties: [repaidProperty(b)],
      fairness: fairnessOf(actions, { Beat: ['Beat'], Workers: ['Take', 'DebitOk', 'MarkPaid', 'Carry'] }),
      terminal: (s) => quiescent(s, b),
    });
  },
};
