/**
 * The steps of fund-investment/reference (see reference.ts). Every step is a
 * transition of the transaction's row, taken from committed rows, so a crash
 * loses at most the withdrawal request about to be sent; every external
 * call is made only after the transition that announces it.
 */
import type { ActionDef, action } from '../checker/define.ts';
import { Pc, Row, applyWithdrawal, reserved, type Bounds, type FundShape, type FundState } from './shape.ts';

type Act = typeof action<FundShape>;
type Def = ActionDef<FundShape>;

const worker = { actor: 'Worker', target: 'Database' };
const toInvestors = { actor: 'Worker', target: 'InvestorService' };
const toFund = { actor: 'Worker', target: 'FundService' };

/** The seat: reserved at the fund before any money moves, or the transaction fails at once. */
export function seatActions(act: Act, T: number[], b: Bounds): Def[] {
  return [
    act('Accept', { t: T }, (s, t) => {
      if (s.row[t] !== Row.new) return false;
      s.row[t] = Row.queued;
      return true;
    }, { actor: 'API', target: 'Database' }),
    act('Reserve', { t: T }, (s, t) => {
      if (s.row[t] !== Row.queued || reserved(s, b.n) >= b.seats) return false;
      s.seat[t] = 1;
      s.row[t] = Row.reserved;
      return true;
    }, toFund),
    // The terminal state and its outbox row commit together.
    act('SeatRefused', { t: T }, (s, t) => {
      if (s.row[t] !== Row.queued || reserved(s, b.n) < b.seats) return false;
      s.row[t] = Row.failed;
      s.outbox[t] = 1;
      return true;
    }, toFund),
  ];
}

/** The withdrawal: announced (WITHDRAWING) before it is sent, settled by a lookup of its key when the reply is missing. */
export function withdrawalActions(act: Act, T: number[], b: Bounds): Def[] {
  const sending = (s: FundState, t: number): boolean => s.pc[t] === Pc.send;
  return [
    act('MarkWithdrawing', { t: T }, (s, t) => {
      if (s.row[t] !== Row.reserved) return false;
      s.row[t] = Row.withdrawing;
      s.pc[t] = Pc.send;
      return true;
    }, worker),
    act('SendWithdrawal', { t: T }, (s, t) => {
      if (!sending(s, t)) return false;
      applyWithdrawal(s, b, t, 1);
      s.pc[t] = Pc.idle;
      s.row[t] = Row.withdrawn;
      return true;
    }, toInvestors),
    act('WithdrawReplyLost', { t: T }, (s, t) => {
      if (!sending(s, t) || s.losses >= b.losses) return false;
      s.losses += 1;
      applyWithdrawal(s, b, t, 1);
      s.pc[t] = Pc.idle;
      return true;
    }, toInvestors),
    act('WithdrawDuplicated', { t: T }, (s, t) => {
      if (!sending(s, t) || s.duplicates >= b.duplicates) return false;
      s.duplicates += 1;
      applyWithdrawal(s, b, t, 2);
      s.pc[t] = Pc.idle;
      s.row[t] = Row.withdrawn;
      return true;
    }, toInvestors),
    // After the request's expiry nothing more can be applied: the lookup's answer is final. Never sent again.
    act('Lookup', { t: T }, (s, t) => {
      if (s.row[t] !== Row.withdrawing || sending(s, t)) return false;
      s.row[t] = s.withdrawn[t]! > 0 ? Row.withdrawn : Row.undoing;
      return true;
    }, toInvestors),
  ];
}

/** The remittance (keyed: the fund keeps one per transaction), the compensating refund and the seat's release. */
export function settleActions(act: Act, T: number[], b: Bounds): Def[] {
  return [
    act('Remit', { t: T }, (s, t) => {
      if (s.row[t] !== Row.withdrawn) return false;
      s.remitted[t] = 1;
      s.row[t] = Row.remitted;
      return true;
    }, toFund),
    act('RemitRefused', { t: T }, (s, t) => {
      if (s.row[t] !== Row.withdrawn || s.refusals >= b.refusals) return false;
      s.refusals += 1;
      s.row[t] = Row.undoing;
      return true;
    }, { actor: 'FundService', target: 'Worker' }),
    // The investor gets back what the fund did not keep (a surplus a non-idempotent service applied), under one refund key.
    act('Finish', { t: T }, (s, t) => {
      if (s.row[t] !== Row.remitted) return false;
      s.refunded[t] = s.withdrawn[t]! - s.remitted[t]!;
      s.row[t] = Row.complete;
      s.outbox[t] = 1;
      return true;
    }, toInvestors),
    act('Undo', { t: T }, (s, t) => {
      if (s.row[t] !== Row.undoing) return false;
      s.refunded[t] = s.withdrawn[t]!;
      s.seat[t] = 0;
      s.row[t] = Row.failed;
      s.outbox[t] = 1;
      return true;
    }, toInvestors),
  ];
}

/** The outbox relay: sends with the outbox row's id as the message id, then marks the row sent. */
export function relayActions(act: Act, T: number[], b: Bounds): Def[] {
  const toLog = { actor: 'Relay', target: 'Notifications' };
  return [
    act('Relay', { t: T }, (s, t) => {
      if (s.outbox[t] !== 1) return false;
      s.notes[t] = 1;
      s.outbox[t] = 0;
      return true;
    }, toLog),
    // Sent, then crashed before marking the row sent: the next relay sends the same message id, which the log keeps once.
    act('RelayCrash', { t: T }, (s, t) => {
      if (s.outbox[t] !== 1 || s.crashes >= b.crashes) return false;
      s.crashes += 1;
      s.notes[t] = 1;
      return true;
    }, toLog),
  ];
}
