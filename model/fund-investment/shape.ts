/**
 * The state of the fund-investment models (seed 002), shared by naive and
 * reference so that the two designs are judged on the same variables.
 *
 * N investments, each of AMOUNT by a different investor, into one fund with
 * SEATS seats; every amount meets the fund's minimum, so the seats are the
 * criterion that can fail. The books are not stored as balances: the
 * investor service's withdrawals and refunds, the fund's remittances and the
 * notification log are counted per transaction (`withdrawn`, `refunded`,
 * `remitted`, `notes`), so a call that is applied twice shows in the money.
 * `row` is the transaction's row in the service's database and `pc` what a
 * worker holds in memory about it (lost on a crash).
 */
import { array, bool, int, labels, oneOf, type StateOf } from '../checker/shape.ts';

/** Every investment is of this many minor units. */
export const AMOUNT = 100;

/** The transaction row (new: the request has not reached the API yet; refused: answered no, nothing recorded). */
export const Row = labels('new', 'queued', 'refused', 'reserved', 'withdrawing', 'withdrawn', 'remitted', 'undoing', 'complete', 'failed');
/** A worker's memory of the transaction: a withdrawal about to be sent, or the naive flow's position after the withdrawal. */
export const Pc = labels('idle', 'send', 'withdrawn', 'remitted', 'notify');

export interface Bounds {
  readonly n: number;
  readonly seats: number;
  /** The investor service answers a repeated key with the first answer; otherwise it applies the request again. */
  readonly idempotent: boolean;
  readonly crashes: number;
  readonly losses: number;
  readonly duplicates: number;
  readonly refusals: number;
}

export function fundShape(b: Bounds) {
  const n = b.n;
  // Each attempt applies a withdrawal at most twice (a duplicated request); a crash or a lost reply makes another attempt.
  const applied = int(0, 1 + b.crashes + b.losses + b.duplicates);
  return {
    row: array(n, oneOf(Row)),
    pc: array(n, oneOf(Pc)),
    /** The investor service's books: withdrawals applied under the transaction's key. */
    withdrawn: array(n, applied),
    refunded: array(n, applied),
    /** The fund service's books: remittances received from the transaction. */
    remitted: array(n, int(0, 1 + b.crashes)),
    /** The fund holds a seat reservation for the transaction. */
    seat: array(n, bool()),
    /** An unsent outbox row (the reference's notifications). */
    outbox: array(n, bool()),
    /** The notification log: messages recorded for the transaction (each message reaches both parties). */
    notes: array(n, int(0, 2)),
    crashes: int(0, b.crashes),
    losses: int(0, b.losses),
    duplicates: int(0, b.duplicates),
    refusals: int(0, b.refusals),
  };
}

export type FundShape = ReturnType<typeof fundShape>;
export type FundState = StateOf<FundShape>;

/** The investor service applies withdrawal t `times` times (once for good in idempotent mode: the key is known). */
export function applyWithdrawal(s: FundState, b: Bounds, t: number, times: number): void {
  if (b.idempotent) s.withdrawn[t] = 1;
  else s.withdrawn[t]! += times;
}

/** Money of t that left the investor and is neither in the fund nor refunded, in minor units. */
export const inFlight = (s: FundState, t: number): number => AMOUNT * (s.withdrawn[t]! - s.refunded[t]! - s.remitted[t]!);

/** Investors the fund has admitted (received a remittance from). */
export function admitted(s: FundState, n: number): number {
  let k = 0;
  for (let t = 0; t < n; t++) if (s.remitted[t]! > 0) k++;
  return k;
}

/** Seats the fund holds reserved. */
export function reserved(s: FundState, n: number): number {
  let k = 0;
  for (let t = 0; t < n; t++) k += s.seat[t]!;
  return k;
}

export const isTerminal = (s: FundState, t: number): boolean => s.row[t] === Row.complete || s.row[t] === Row.failed;
