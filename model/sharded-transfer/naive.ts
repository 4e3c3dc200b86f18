/**
 * sharded-transfer/naive: the seed 000 flow as written, with N transfers
 * racing on one donor.
 *
 * Scope 1 on the donor's node reads the donor's available balance, checks it
 * in the node, then blocks the amount and inserts the transfer row (with
 * ATOMIC=FALSE, the default, the read and the write are separate steps, see
 * scope1-actions.ts). The donor's node then remembers the transfer in memory
 * and waits for its stage 1. The receiver's node polls rows at stage 0,
 * credits the receiver and marks stage 1 (scope 2), unconditionally: a
 * duplicate delivery credits twice, and a lost commit reply is taken for a
 * failure and marks stage 1 failed although the credit stands. The donor's
 * node, for the transfers it remembers, marks stage 2 and commits the block
 * or releases it (scope 3); a lost commit reply makes it run the same
 * statements again. A withdrawal is submitted to the stub and tracked in
 * memory; an unknown status (the stub restarted) is taken for a failure.
 * A crash of the donor's node forgets what it tracked: those blocks stay
 * outstanding forever.
 *
 * Expected findings: the overdraft of two transfers that both pass the check
 * (NoOverdraft), double credits and double commits (Conservation,
 * BlockSettledOnce), credited and released (NoCreditAndRelease), a paid
 * withdrawal released after the stub forgot it, and stranded blocks
 * (NoStrandedBlock, Terminates). Twin: spec-tla/sharded-transfer/Naive.tla.
 */
import { actionsOf, erase, range, type ModelDef } from '../checker/define.ts';
import { boundsOf, shardedConstants } from './constants.ts';
import { deliveryActions } from './delivery-actions.ts';
import { shardedInvariants } from './invariants.ts';
import { naiveReceiverActions, naiveSettleActions, naiveWithdrawalActions } from './naive-actions.ts';
import { scope1Actions } from './scope1-actions.ts';
import { Req, Row, Stub, Watch, isWithdrawal, shardedShape, terminal, type ShardedState } from './shape.ts';
import { terminatesProperties, fairnessOf } from './liveness.ts';
import { crashAction, stubActions } from './world-actions.ts';

export const naive: ModelDef = {
  id: 'sharded-transfer/naive',
  description: 'Seed 000 flow: read-then-update block, unconditional stage statements, stage 2 and withdrawals tracked in memory',
  constants: shardedConstants({ n: 2, funds: 1, atomic: false, withdrawal: false }),
  build: (c) => {
    const b = boundsOf(c);
    const T = range(b.n);
    const shape = shardedShape(b);
    const act = actionsOf(shape);
    // Nothing in memory, no withdrawal processing, no row at stage 0 that the receiver's poll would pick.
    const quiescent = (s: ShardedState): boolean => {
      for (let t = 0; t < b.n; t++) {
        if (s.req[t] !== Req.closed || s.inbox[t] !== 0 || s.watch[t] !== Watch.none || s.stub[t] === Stub.processing) return false;
        if (!isWithdrawal(b, t) && s.row[t] === Row.blocked) return false;
      }
      return true;
    };
    const actions = [
      ...scope1Actions(act, T, b, (s, t) => {
        s.watch[t] = Watch.await;
      }),
      ...deliveryActions(act, T, b),
      ...naiveReceiverActions(act, T, b),
      ...naiveWithdrawalActions(act, T, b),
      ...naiveSettleActions(act, T, b),
      ...stubActions(act, T, b),
      crashAction(act, b),
    ];
    return erase({
      shape,
      init: () => {},
      actions,
      invariants: shardedInvariants(b, quiescent),
      properties: terminatesProperties(T, terminal),
      fairness: fairnessOf(actions, {
        DonorNode: ['Refuse', 'Check', 'Block', 'Abort', 'Submit', 'StatusCompleted', 'StatusFailed', 'Settle', 'Retry'],
        ReceiverNode: ['Poll', 'Credit', 'Reject'],
        Stub: ['StubComplete', 'StubFail'],
      }),
      terminal: quiescent,
    });
  },
};
