/**
 * The design-specific steps of sharded-transfer/naive (see naive.ts): the
 * receiver's credit, the withdrawal tracked in the donor node's memory, and
 * stage 2 driven by that memory. Every statement is unconditional: it does
 * what it was asked to, however often it is asked.
 */
import type { ActionDef, action } from '../checker/define.ts';
import { Row, Stub, Watch, isWithdrawal, type Bounds, type ShardedShape, type ShardedState } from './shape.ts';
import { donorWriter } from './scope1-actions.ts';
import { submit } from './world-actions.ts';

type Act = typeof action<ShardedShape>;
type Def = ActionDef<ShardedShape>;

const receiver = { actor: 'ReceiverNode', target: 'Database' };
const donor = { actor: 'DonorNode', target: 'Database' };

/** Scope 2 on the receiver's node: credit the receiver, mark stage 1 (a row already past stage 0 keeps its mark). */
export function naiveReceiverActions(act: Act, T: number[], b: Bounds): Def[] {
  const internal = T.filter((t) => !isWithdrawal(b, t));
  return [
    act('Credit', { t: internal }, (s, t) => {
      if (s.inbox[t] === 0) return false;
      s.inbox[t]! -= 1;
      s.credits[t]! += 1;
      if (s.row[t] === Row.blocked) s.row[t] = Row.credited;
      return true;
    }, receiver),
    // The receiver's account refuses the credit: stage 1 failed.
    act('Reject', { t: internal }, (s, t) => {
      if (s.inbox[t] === 0 || s.row[t] !== Row.blocked) return false;
      s.inbox[t]! -= 1;
      s.row[t] = Row.failed;
      return true;
    }, receiver),
    // The credit committed but its reply was lost; the node takes the error for a failure and marks stage 1 failed.
    act('CreditReplyLost', { t: internal }, (s, t) => {
      if (s.inbox[t] === 0 || s.losses >= b.losses) return false;
      s.losses += 1;
      s.inbox[t]! -= 1;
      s.credits[t]! += 1;
      s.row[t] = Row.failed;
      return true;
    }, receiver),
  ];
}

/** The withdrawal, submitted and tracked in the donor node's memory; an unknown status is taken for a failure. */
export function naiveWithdrawalActions(act: Act, T: number[], b: Bounds): Def[] {
  const w = T.filter((t) => isWithdrawal(b, t));
  const stub = { actor: 'DonorNode', target: 'WithdrawalStub' };
  return [
    act('Submit', { t: w }, (s, t) => {
      if (s.watch[t] !== Watch.await || s.row[t] !== Row.blocked) return false;
      submit(s, t);
      s.watch[t] = Watch.submitted;
      return true;
    }, stub),
    act('StatusCompleted', { t: w }, (s, t) => {
      if (s.watch[t] !== Watch.submitted || s.stub[t] !== Stub.completed) return false;
      s.row[t] = Row.credited;
      s.watch[t] = Watch.await;
      return true;
    }, stub),
    act('StatusFailed', { t: w }, (s, t) => {
      if (s.watch[t] !== Watch.submitted || (s.stub[t] !== Stub.failed && s.stub[t] !== Stub.none)) return false;
      s.row[t] = Row.failed;
      s.watch[t] = Watch.await;
      return true;
    }, stub),
  ];
}

/** Scope 3 on the donor's node, for the transfers it remembers; a lost commit reply makes it run the statements again. */
export function naiveSettleActions(act: Act, T: number[], b: Bounds): Def[] {
  const wrote = donorWriter(b);
  const settle = (s: ShardedState, t: number): boolean => {
    if (s.watch[t] !== Watch.await || (s.row[t] !== Row.credited && s.row[t] !== Row.failed)) return false;
    if (s.row[t] === Row.credited) {
      s.commits[t]! += 1;
      s.row[t] = Row.committed;
    } else {
      s.releases[t]! += 1;
      s.row[t] = Row.released;
    }
    s.watch[t] = Watch.none;
    wrote(s);
    return true;
  };
  return [
    act('Settle', { t: T }, settle, donor),
    act('SettleReplyLost', { t: T }, (s, t) => {
      if (s.losses >= b.losses || !settle(s, t)) return false;
      s.losses += 1;
      s.watch[t] = s.row[t] === Row.committed ? Watch.retryCommit : Watch.retryRelease;
      return true;
    }, donor),
    act('Retry', { t: T }, (s, t) => {
      const w = s.watch[t];
      if (w !== Watch.retryCommit && w !== Watch.retryRelease) return false;
      if (w === Watch.retryCommit) s.commits[t]! += 1;
      else s.releases[t]! += 1;
      s.watch[t] = Watch.none;
      wrote(s);
      return true;
    }, donor),
  ];
}
