/**
 * The money of the sharded-transfer models, derived from the per-transfer
 * statement counts (see shape.ts): the donor's balance and blocked amount,
 * the receiver's balance, what was paid out to payees, and the amount that
 * sits on both sides of a transfer between stage 1 and stage 2.
 */
import { AMOUNT, Row, delivered, outstanding, type Bounds, type ShardedState } from './shape.ts';

export interface Ledger {
  readonly total: number;
  readonly donorBalance: (s: ShardedState) => number;
  readonly donorBlocked: (s: ShardedState) => number;
  readonly available: (s: ShardedState) => number;
  readonly receiverBalance: (s: ShardedState) => number;
  readonly paidOut: (s: ShardedState) => number;
  /** Money already at its receiver while the donor's block for it is still outstanding. */
  readonly ahead: (s: ShardedState) => number;
}

export function ledgerOf(b: Bounds): Ledger {
  const n = b.n;
  // Plain loops: these run on every new state.
  const donorBalance = (s: ShardedState): number => {
    let k = b.funds;
    for (let t = 0; t < n; t++) k -= s.commits[t]!;
    return AMOUNT * k;
  };
  const donorBlocked = (s: ShardedState): number => {
    let k = 0;
    for (let t = 0; t < n; t++) k += (s.row[t] !== Row.none ? 1 : 0) - s.commits[t]! - s.releases[t]!;
    return AMOUNT * k;
  };
  const receiverBalance = (s: ShardedState): number => {
    let k = 0;
    for (let t = 0; t < n; t++) k += s.credits[t]!;
    return AMOUNT * k;
  };
  const paidOut = (s: ShardedState): number => {
    let k = 0;
    for (let t = 0; t < n; t++) k += s.paid[t]!;
    return AMOUNT * k;
  };
  const ahead = (s: ShardedState): number => {
    let k = 0;
    for (let t = 0; t < n; t++) if (delivered(s, t) && outstanding(s, t)) k++;
    return AMOUNT * k;
  };
  return {
    total: AMOUNT * b.funds,
    donorBalance,
    donorBlocked,
    available: (s) => donorBalance(s) - donorBlocked(s),
    receiverBalance,
    paidOut,
    ahead,
  };
}
