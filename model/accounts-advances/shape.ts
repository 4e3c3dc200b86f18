/**
 * The state of the accounts-advances models (seed 004), shared by naive and
 * reference so that the two designs are judged on the same variables.
 *
 * One advance of W weekly payments of one unit each (ADVANCE = W units; a
 * unit stands for one week's installment in minor units). The advances
 * database holds the payment rows: slots 0 .. W-1 are the weekly payments,
 * and SHORTFALLS more slots are room for the payments a carry-forward
 * creates after the last one (each shortfall creates at most one). The
 * broker holds at most one task per payment (`queued`); each worker
 * remembers the payment it handles, the fencing token of its lease, the
 * amount it read and how far it got, all lost when it crashes. The accounts
 * manager's side is what was collected in total (`bank`), how often each
 * payment was debited (`debits`), and the answer it recorded under the
 * payment's key (`answer`; the naive design sends a fresh key each time and
 * never uses it). The account's balance is its opening funds minus `bank`;
 * the funds are ample except for SHORTFALLS weeks in which a debit fails.
 */
import type { ConstantDecl, Constants } from '../checker/define.ts';
import { array, boolean, int, labels, oneOf, type StateOf } from '../checker/shape.ts';

/** A payment row: no row yet, due, leased by a worker (reference only), paid, or failed and carried forward. */
export const Pay = labels('none', 'due', 'processing', 'paid', 'failed');
/** How far a worker got with its payment: idle, holding it (read or leased), debited, or refused for want of funds. */
export const Stage = labels('idle', 'held', 'debited', 'short');
/** The accounts manager's recorded answer for a payment's key. */
export const Answer = labels('none', 'ok', 'short');

export interface Bounds {
  readonly weeks: number;
  readonly workers: number;
  readonly crashes: number;
  readonly duplicates: number;
  readonly losses: number;
  readonly pauses: number;
  readonly shortfalls: number;
  /** Bank transactions keyed by the payment (reference); FALSE: a fresh key per call, as the naive design sends. */
  readonly keyed: boolean;
}

/** Payment slots: the weekly payments and room for one new payment per shortfall. */
export const slotsOf = (b: Bounds): number => b.weeks + b.shortfalls;

export function advancesConstants(reference: boolean): ConstantDecl[] {
  return [
    { name: 'W', description: 'weekly payments of the advance (one unit each)', default: 2, min: 1, max: 3 },
    { name: 'WORKERS', description: 'workers taking payment tasks from the broker', default: 2, min: 1, max: 3 },
    { name: 'CRASHES', description: 'worker crashes (memory lost, task unacknowledged)', default: 1, min: 0, max: 2 },
    { name: 'DUPLICATES', description: 'a payment task delivered again while a worker holds it', default: 1, min: 0, max: 2 },
    { name: 'LOSSES', description: "bank transaction replies lost after the manager's commit", default: 1, min: 0, max: 2 },
    ...(reference ? [{ name: 'PAUSES', description: 'a worker paused past its lease (the lease runs out and the task is handed out again)', default: 1, min: 0, max: 2 }] : []),
    { name: 'SHORTFALLS', description: 'debits refused for want of funds (the week is carried forward)', default: 1, min: 0, max: 2 },
    ...(reference ? [{ name: 'KEYED', description: 'bank transactions keyed by the payment; FALSE: a fresh key per call', default: 1, min: 0, max: 1, boolean: true as const }] : []),
  ];
}

export function boundsOf(c: Constants): Bounds {
  return {
    weeks: c['W']!,
    workers: c['WORKERS']!,
    crashes: c['CRASHES']!,
    duplicates: c['DUPLICATES']!,
    losses: c['LOSSES']!,
    pauses: c['PAUSES'] ?? 0,
    shortfalls: c['SHORTFALLS']!,
    keyed: c['KEYED'] === 1,
  };
}

export function advancesShape(b: Bounds) {
  const p = slotsOf(b);
  // Generous ceilings: the naive design can carry an amount twice and collect a payment several times.
  const amountMax = 4 * b.weeks;
  const attempts = 1 + b.crashes + b.duplicates + b.losses + b.pauses;
  const fenceMax = 1 + b.crashes + b.pauses;
  return {
    state: array(p, oneOf(Pay)),
    amount: array(p, int(0, amountMax)),
    /** The fencing token of the payment's latest lease (the naive design never leases). */
    fence: array(p, int(0, fenceMax)),
    /** The latest lease ran out (its holder crashed or paused). */
    expired: array(p, boolean()),
    queued: array(p, boolean()),
    debits: array(p, int(0, attempts)),
    answer: array(p, oneOf(Answer)),
    /** The payment a worker handles, plus one; 0 when idle. */
    held: array(b.workers, int(0, p)),
    stage: array(b.workers, oneOf(Stage)),
    wfence: array(b.workers, int(0, fenceMax)),
    /** The amount the worker read with the payment. */
    amt: array(b.workers, int(0, amountMax)),
    bank: int(0, amountMax * attempts * p),
    crashes: int(0, b.crashes),
    duplicates: int(0, b.duplicates),
    losses: int(0, b.losses),
    pauses: int(0, b.pauses),
    shortfalls: int(0, b.shortfalls),
  };
}

export type AdvancesShape = ReturnType<typeof advancesShape>;
export type AdvancesState = StateOf<AdvancesShape>;

/** Some live worker holds payment p. */
export function isHeld(s: AdvancesState, b: Bounds, p: number): boolean {
  for (let w = 0; w < b.workers; w++) if (s.held[w] === p + 1) return true;
  return false;
}

/** Nothing left to do: every worker idle, no task queued, no payment due or leased. */
export function quiescent(s: AdvancesState, b: Bounds): boolean {
  for (let w = 0; w < b.workers; w++) if (s.held[w] !== 0) return false;
  for (let p = 0; p < slotsOf(b); p++) {
    if (s.queued[p] || s.state[p] === Pay.due || s.state[p] === Pay.processing) return false;
  }
  return true;
}

/** Sets up the advance: W weekly payments of one unit, due, no task queued yet. */
export function initAdvance(s: AdvancesState, b: Bounds): void {
  for (let p = 0; p < b.weeks; p++) {
    s.state[p] = Pay.due;
    s.amount[p] = 1;
  }
}

/** Frees worker w: its memory is gone (done, crashed, or gave the task back). */
export function release(s: AdvancesState, w: number): void {
  s.held[w] = 0;
  s.stage[w] = Stage.idle;
  s.wfence[w] = 0;
  s.amt[w] = 0;
}
