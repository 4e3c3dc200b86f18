/**
 * The design-specific steps of sharded-transfer/reference (see
 * reference.ts). Every stage transition is a conditional update of the
 * transfer row (UPDATE ... WHERE stage = the expected one) in the same
 * transaction as its money statement, so a duplicate or a retry finds the
 * row moved on and changes nothing. Every step is picked up by polling
 * committed rows, so a crash loses no work, only the step in progress.
 */
import type { ActionDef, action } from '../checker/define.ts';
import { Row, Stub, Watch, isWithdrawal, type Bounds, type ShardedShape, type ShardedState } from './shape.ts';
import { donorWriter } from './scope1-actions.ts';
import { submit } from './world-actions.ts';

type Act = typeof action<ShardedShape>;
type Def = ActionDef<ShardedShape>;

const receiver = { actor: 'ReceiverNode', target: 'Database' };
const donor = { actor: 'DonorNode', target: 'Database' };

/** Scope 2: credit and mark stage 1 only if the row is still at stage 0. */
export function referenceReceiverActions(act: Act, T: number[], b: Bounds): Def[] {
  const internal = T.filter((t) => !isWithdrawal(b, t));
  const credit = (s: ShardedState, t: number): void => {
    s.inbox[t]! -= 1;
    if (s.row[t] !== Row.blocked) return;
    s.credits[t]! += 1;
    s.row[t] = Row.credited;
  };
  return [
    act('Credit', { t: internal }, (s, t) => {
      if (s.inbox[t] === 0) return false;
      credit(s, t);
      return true;
    }, receiver),
    act('Reject', { t: internal }, (s, t) => {
      if (s.inbox[t] === 0 || s.row[t] !== Row.blocked) return false;
      s.inbox[t]! -= 1;
      s.row[t] = Row.failed;
      return true;
    }, receiver),
    // The outcome is unknown to the node, which leaves the row to the next poll: it finds stage 1 done.
    act('CreditReplyLost', { t: internal }, (s, t) => {
      if (s.inbox[t] === 0 || s.losses >= b.losses) return false;
      s.losses += 1;
      credit(s, t);
      return true;
    }, receiver),
  ];
}

/**
 * The withdrawal: the row at stage 0 is the durable intent with its id; the
 * node marks it submitting before it sends (so a row at stage 0 was never
 * sent), then settles it by status query. An unknown status of a row that
 * may have been sent cannot be retried (the stub may have paid and
 * forgotten) nor released (the payee may hold the money): it is parked.
 */
export function referenceWithdrawalActions(act: Act, T: number[], b: Bounds): Def[] {
  const w = T.filter((t) => isWithdrawal(b, t));
  const stub = { actor: 'DonorNode', target: 'WithdrawalStub' };
  const query = (name: string, answer: number, row: number): Def =>
    act(name, { t: w }, (s, t) => {
      if (s.row[t] !== Row.submitting || s.watch[t] !== Watch.none || s.stub[t] !== answer) return false;
      s.row[t] = row;
      return true;
    }, stub);
  return [
    act('MarkSubmitting', { t: w }, (s, t) => {
      if (s.row[t] !== Row.blocked || s.watch[t] !== Watch.none) return false;
      s.row[t] = Row.submitting;
      s.watch[t] = Watch.send;
      return true;
    }, donor),
    act('Send', { t: w }, (s, t) => {
      if (s.watch[t] !== Watch.send) return false;
      submit(s, t);
      s.watch[t] = Watch.none;
      return true;
    }, stub),
    query('StatusCompleted', Stub.completed, Row.credited),
    query('StatusFailed', Stub.failed, Row.failed),
    query('StatusUnknown', Stub.none, Row.parked),
  ];
}

/** Scope 3: mark stage 2 and commit or release only if the row is still at stage 1, polled from committed rows. */
export function referenceSettleActions(act: Act, T: number[], b: Bounds): Def[] {
  const wrote = donorWriter(b);
  const settle = (s: ShardedState, t: number): boolean => {
    if (s.row[t] === Row.credited) {
      s.commits[t]! += 1;
      s.row[t] = Row.committed;
    } else if (s.row[t] === Row.failed) {
      s.releases[t]! += 1;
      s.row[t] = Row.released;
    } else {
      return false;
    }
    wrote(s);
    return true;
  };
  return [
    act('Settle', { t: T }, settle, donor),
    // The next poll finds stage 2 done; nothing runs again.
    act('SettleReplyLost', { t: T }, (s, t) => {
      if (s.losses >= b.losses || !settle(s, t)) return false;
      s.losses += 1;
      return true;
    }, donor),
  ];
}
