/**
 * accounts-advances/reference: the seed 004 advances flow made safe, with
 * the same worker protocol as impl/accounts-advances/reference and the
 * same faults as accounts-advances/naive, plus workers paused past their
 * lease.
 *
 * - A worker leases a payment with one conditional update (due, or its
 *   lease ran out), which increments the payment's fencing token.
 * - The bank transaction is keyed by the payment, so a repeat after a lost
 *   reply, a crash between the debit and the row, or a second holder gets
 *   the recorded answer instead of a second debit.
 * - Marking PAID and carrying forward are conditional on the lease's token
 *   and the PROCESSING state: a paused worker whose lease was taken over
 *   changes nothing.
 * - A refused debit marks the payment FAILED and, in the same transaction,
 *   adds its amount to the next payment still due, or to a new payment
 *   after the last.
 *
 * Expected: every invariant holds, and under weak fairness of the beat,
 * the workers and the lease clock the advance is eventually repaid in full.
 * With KEYED=FALSE (a fresh key per call, as the naive design sends) a
 * debit asked again after a lost reply collects the payment twice.
 * Twin: spec-tla/accounts-advances/Reference.tla.
 */
import { actionsOf, erase, range, type ModelDef } from '../checker/define.ts';
import { advancesInvariants, fairnessOf, repaidProperty } from './invariants.ts';
import { leaseActions, referenceWorkerActions } from './reference-actions.ts';
import { advancesConstants, advancesShape, boundsOf, initAdvance, quiescent, slotsOf } from './shape.ts';
import { worldActions } from './world-actions.ts';

export const reference: ModelDef = {
  id: 'accounts-advances/reference',
  description: 'Reference: leases with fencing tokens, bank transactions keyed by payment, conditional PAID and carry-forward',
  constants: advancesConstants(true),
  build: (c) => {
    const b = boundsOf(c);
    const P = range(slotsOf(b));
    const W = range(b.workers);
    const shape = advancesShape(b);
    const act = actionsOf(shape);
    const actions = [...worldActions(act, P, W, b), ...referenceWorkerActions(act, P, W, b), ...leaseActions(act, P, b)];
    return erase({
      shape,
      init: (s) => initAdvance(s, b),
      actions,
      invariants: advancesInvariants(b),
      properties: [repaidProperty(b)],
      fairness: fairnessOf(actions, { Beat: ['Beat'], Workers: ['Take', 'Debit', 'MarkPaid', 'Carry'], Clock: ['Expire'] }),
      terminal: (s) => quiescent(s, b),
    });
  },
};
