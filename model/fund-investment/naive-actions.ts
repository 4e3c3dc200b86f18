/**
 * The steps of fund-investment/naive (see naive.ts). The API checks the
 * fund's seat count when the request arrives and the fund checks it again at
 * the remittance; between the two, other investors can take the seat. The
 * worker holds the transaction's progress in memory until it marks the row,
 * so a crash makes the redelivered message run the whole flow again.
 */
import type { ActionDef, action } from '../checker/define.ts';
import { Pc, Row, admitted, applyWithdrawal, type Bounds, type FundShape, type FundState } from './shape.ts';

type Act = typeof action<FundShape>;
type Def = ActionDef<FundShape>;

const api = { actor: 'API', target: 'FundService' };
const toInvestors = { actor: 'Worker', target: 'InvestorService' };
const toFund = { actor: 'Worker', target: 'FundService' };

export function naiveApiActions(act: Act, T: number[], b: Bounds): Def[] {
  return [
    // The seat count read up front; the transaction is recorded and queued.
    act('Check', { t: T }, (s, t) => {
      if (s.row[t] !== Row.new || admitted(s, b.n) >= b.seats) return false;
      s.row[t] = Row.queued;
      return true;
    }, api),
    act('Refuse', { t: T }, (s, t) => {
      if (s.row[t] !== Row.new || admitted(s, b.n) < b.seats) return false;
      s.row[t] = Row.refused;
      return true;
    }, api),
  ];
}

export function naiveWorkerActions(act: Act, T: number[], b: Bounds): Def[] {
  // The worker takes a message whose row is still QUEUED and that no worker is handling.
  const fresh = (s: FundState, t: number): boolean => s.row[t] === Row.queued && s.pc[t] === Pc.idle;
  // The fund takes a remittance from an investor it admitted already, or into a free seat.
  const fits = (s: FundState, t: number): boolean => s.remitted[t]! > 0 || admitted(s, b.n) < b.seats;
  const fail = (s: FundState, t: number): void => {
    s.row[t] = Row.failed;
    s.pc[t] = Pc.notify;
  };
  return [
    act('Withdraw', { t: T }, (s, t) => {
      if (!fresh(s, t)) return false;
      applyWithdrawal(s, b, t, 1);
      s.pc[t] = Pc.withdrawn;
      return true;
    }, toInvestors),
    // Applied, but the reply was lost: the worker retries the call (the next Withdraw).
    act('WithdrawReplyLost', { t: T }, (s, t) => {
      if (!fresh(s, t) || s.losses >= b.losses) return false;
      s.losses += 1;
      applyWithdrawal(s, b, t, 1);
      return true;
    }, toInvestors),
    act('WithdrawDuplicated', { t: T }, (s, t) => {
      if (!fresh(s, t) || s.duplicates >= b.duplicates) return false;
      s.duplicates += 1;
      applyWithdrawal(s, b, t, 2);
      s.pc[t] = Pc.withdrawn;
      return true;
    }, toInvestors),
    act('Remit', { t: T }, (s, t) => {
      if (s.pc[t] !== Pc.withdrawn || !fits(s, t)) return false;
      s.remitted[t]! += 1;
      s.pc[t] = Pc.remitted;
      return true;
    }, toFund),
    // The seat went to someone else: marked FAILED, the withdrawn money stays where it is.
    act('RemitRejected', { t: T }, (s, t) => {
      if (s.pc[t] !== Pc.withdrawn || fits(s, t)) return false;
      fail(s, t);
      return true;
    }, toFund),
    act('RemitRefused', { t: T }, (s, t) => {
      if (s.pc[t] !== Pc.withdrawn || s.refusals >= b.refusals) return false;
      s.refusals += 1;
      fail(s, t);
      return true;
    }, { actor: 'FundService', target: 'Worker' }),
    act('Complete', { t: T }, (s, t) => {
      if (s.pc[t] !== Pc.remitted || s.row[t] !== Row.queued) return false;
      s.row[t] = Row.complete;
      s.pc[t] = Pc.notify;
      return true;
    }, { actor: 'Worker', target: 'Database' }),
    // Directly after the commit, from memory.
    act('Notify', { t: T }, (s, t) => {
      if (s.pc[t] !== Pc.notify) return false;
      s.notes[t]! += 1;
      s.pc[t] = Pc.idle;
      return true;
    }, { actor: 'Worker', target: 'Notifications' }),
  ];
}
