/**
 * sharded-transfer/reference: the seed 000 shape made safe at read committed,
 * with the same N transfers racing on one donor and the same faults as
 * sharded-transfer/naive.
 *
 * - Scope 1 blocks with one conditional update (ATOMIC, the default): it
 *   blocks or refuses, and two racing transfers cannot both pass.
 * - Every stage transition is a conditional update of the row in the same
 *   transaction as its money statement, so duplicates, redeliveries and
 *   retries after a lost commit reply change nothing.
 * - Hand-offs go only through committed rows: the receiver's node polls rows
 *   at stage 0, the donor's node polls rows at stage 1, so a crash of either
 *   node between scopes loses nothing but the step in flight.
 * - A withdrawal's row is its durable intent and id; the node marks it
 *   submitting before sending and settles it by status query. When the stub
 *   answers unknown (it restarted and forgot, or never received it), the row
 *   is parked as a reconciliation item: its amount stays blocked, which the
 *   invariants count as covered.
 *
 * Expected: every invariant holds and every transfer terminates under weak
 * fairness. With ATOMIC=FALSE at read committed the racing overdraft comes
 * back; at SERIALIZABLE the second writer is refused instead.
 * Twin: spec-tla/sharded-transfer/Reference.tla.
 */
import { actionsOf, erase, range, type ModelDef } from '../checker/define.ts';
import { boundsOf, shardedConstants } from './constants.ts';
import { deliveryActions } from './delivery-actions.ts';
import { shardedInvariants } from './invariants.ts';
import { fairnessOf, terminatesProperties } from './liveness.ts';
import { referenceReceiverActions, referenceSettleActions, referenceWithdrawalActions } from './reference-actions.ts';
import { scope1Actions } from './scope1-actions.ts';
import { Req, Row, Stub, Watch, shardedShape, terminal, type ShardedState } from './shape.ts';
import { crashAction, stubActions } from './world-actions.ts';

export const reference: ModelDef = {
  id: 'sharded-transfer/reference',
  description: 'Reference: conditional block, idempotent stage transitions polled from committed rows, withdrawals parked when the stub forgets',
  constants: shardedConstants({ n: 3, funds: 2, atomic: true, withdrawal: true }),
  build: (c) => {
    const b = boundsOf(c);
    const T = range(b.n);
    const shape = shardedShape(b);
    const act = actionsOf(shape);
    // Nothing in memory, no withdrawal processing, every row final: each non-final row is some poll's work.
    const quiescent = (s: ShardedState): boolean => {
      for (let t = 0; t < b.n; t++) {
        if (s.req[t] !== Req.closed || s.inbox[t] !== 0 || s.watch[t] !== Watch.none || s.stub[t] === Stub.processing) return false;
        const r = s.row[t];
        if (r !== Row.none && r !== Row.committed && r !== Row.released && r !== Row.parked) return false;
      }
      return true;
    };
    const actions = [
      ...scope1Actions(act, T, b, () => {}),
      ...deliveryActions(act, T, b),
      ...referenceReceiverActions(act, T, b),
      ...referenceWithdrawalActions(act, T, b),
      ...referenceSettleActions(act, T, b),
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
        DonorNode: ['Refuse', 'Check', 'Block', 'Abort', 'MarkSubmitting', 'Send', 'StatusCompleted', 'StatusFailed', 'StatusUnknown', 'Settle'],
        ReceiverNode: ['Poll', 'Credit', 'Reject'],
        Stub: ['StubComplete', 'StubFail'],
      }),
      terminal: quiescent,
    });
  },
};
