/**
 * The accounts-advances system (seed 004): two services, each with its own
 * database, talking over HTTP.
 *
 * The accounts manager keeps accounts and their transactions. It moves
 * money between two accounts (a transaction with a direction: `debit` takes
 * from the source and gives to the destination, `credit` the reverse),
 * moves money between one account and the bank (a bank transaction: the
 * grant of an advance, `credit`, or a repayment, `debit`), and answers a
 * paginated report of the transactions of the last days.
 *
 * The advances service grants advances and collects them back in weekly
 * payments. Its API records an advance and has the manager credit it; a
 * beat (a cron-style scheduler) hands due payments to a broker as tasks
 * and runs the reconciliation job; workers take tasks from the broker and
 * collect each payment with a bank transaction. A payment that fails for
 * want of funds is added to the next one, or becomes a new payment after
 * the last. The tables and states every design writes are in schema.ts.
 */
import type { Clock, IdSource, RpcOutcome, Timers } from '../ports/ports.ts';
import type { QueuePort } from '../ports/queue.ts';
import type { SqlPort } from '../ports/sql.ts';

export type Direction = 'debit' | 'credit';

export interface TransferRequest {
  /** The caller's key; a retry carries the same key. */
  key: string;
  srcAccountId: string;
  dstAccountId: string;
  /** Minor units: a positive whole number (a caller may send anything, though). */
  amountMinor: number;
  direction: Direction;
}

export interface BankTransactionRequest {
  /** The caller's key: a retry, or another worker collecting the same payment, carries the same key. */
  key: string;
  accountId: string;
  amountMinor: number;
  /** `credit` gives the account money from the bank (a grant); `debit` takes it back (a repayment). */
  direction: Direction;
  /** Why, for people reading the transactions (the seed's "Advance payment week 3"). */
  reason: string;
  advanceId: string;
  /** The payment a repayment collects; null for a grant. */
  paymentId: string | null;
  /** The fencing token of the worker's lease on the payment; null when the caller holds none. */
  fence: number | null;
}

export type TransactionAnswer =
  /** Recorded and applied. */
  | { status: 'success'; transactionId: string }
  /** Recorded as a failed transaction (insufficient funds); nothing moved. */
  | { status: 'fail'; transactionId: string; reason: string }
  /** Refused as bad input (an amount that is not a positive whole number, an unknown account): nothing recorded. */
  | { status: 'invalid'; reason: string }
  /** A repayment from a worker whose lease on the payment is older than one already seen: nothing done. */
  | { status: 'fenced'; reason: string }
  /** A transient refusal (a serialization failure, no answer from the database): retry with the same key. */
  | { status: 'retry'; reason: string };

export interface ReportRequest {
  /** Transactions at or after this instant (the report reaches back 5 days). */
  fromMs: number;
  /** Rows per page. */
  limit: number;
  /** The page wanted, from 1 (for designs that page by number). */
  page: number;
  /** The cursor the previous page returned (for designs that page by cursor); null for the first page. */
  cursor: string | null;
}

export interface ReportEntry {
  transactionId: string;
  atMs: number;
  status: 'success' | 'fail';
}

export type ReportAnswer =
  | {
      status: 'ok';
      transactions: ReportEntry[];
      page: number;
      /** Pages in the report, for designs that page by number; null otherwise. */
      totalPages: number | null;
      /** The cursor of the next page, or null when this page is the last (for designs that page by cursor). */
      cursor: string | null;
    }
  | { status: 'invalid'; reason: string }
  | { status: 'retry'; reason: string };

export interface AdvanceRequest {
  key: string;
  accountId: string;
  amountMinor: number;
}

export type AdvanceAnswer =
  | { status: 'granted'; advanceId: string }
  | { status: 'refused'; reason: string }
  | { status: 'retry'; reason: string };

/** The accounts manager as the advances service reaches it: one HTTP call with a timeout. */
export interface AccountsPort {
  bankTransaction(req: BankTransactionRequest, timeoutMs: number): Promise<RpcOutcome<TransactionAnswer>>;
}

export interface AccountsPorts {
  clock: Clock;
  timers: Timers;
  ids: IdSource;
  /** The accounts manager's own database. */
  sql: SqlPort;
}

export interface AdvancesPorts {
  clock: Clock;
  timers: Timers;
  ids: IdSource;
  /** The advances service's own database. */
  sql: SqlPort;
  accounts: AccountsPort;
  /** The task broker (at-least-once delivery with a visibility timeout). */
  broker: QueuePort;
  /** This process's name, e.g. `worker-1`. */
  self: string;
}

export interface AccountsManager {
  transfer(req: TransferRequest): Promise<TransactionAnswer>;
  bankTransaction(req: BankTransactionRequest): Promise<TransactionAnswer>;
  report(req: ReportRequest): Promise<ReportAnswer>;
}

export interface AdvancesApi {
  requestAdvance(req: AdvanceRequest): Promise<AdvanceAnswer>;
}

/** The beat: the world's scheduler calls `tick` every interval while the beat's process lives. */
export interface Beat {
  tick(n: number): Promise<void>;
}

export interface Worker {
  /** Starts taking tasks from the broker; called after every restart. */
  start(): void;
}

export interface AccountsAdvancesDesign {
  /** The system the design implements; a design module names it so that it is never run as another system's. */
  system: 'accounts-advances';
  name: string;
  description: string;
  accounts(ports: AccountsPorts): AccountsManager;
  advances(ports: AdvancesPorts): AdvancesApi;
  beat(ports: AdvancesPorts): Beat;
  worker(ports: AdvancesPorts): Worker;
}
