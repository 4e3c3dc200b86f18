/**
 * The fund-investment system (seed 002): an investor asks the transaction
 * service to invest an amount in a fund; the service takes the money out of
 * the investor's account (the investor account service), checks the fund's
 * criteria (a minimum investment and a limited number of seats, kept by the
 * fund account service), remits the money into the fund's account, marks the
 * transaction complete in its own database and notifies the investor and the
 * fund.
 *
 * The service runs as several identical nodes. Each serves the API and runs
 * a worker that takes transactions from a queue with at-least-once delivery
 * (a message may come twice, to two workers at once, or out of order). A
 * cache in front of the investor service answers balances that may be
 * stale. The notification service records every message it receives once
 * per message id: a party is notified once per distinct message id.
 *
 * Every call to the investor and fund services names the transaction it
 * belongs to, so that the fakes' books attribute each movement of money to
 * one transaction; the invariants read those books as ground truth.
 */
import type { CachePort } from '../ports/cache.ts';
import type { Clock, IdSource, RpcOutcome, Timers } from '../ports/ports.ts';
import type { QueuePort } from '../ports/queue.ts';
import type { SqlPort } from '../ports/sql.ts';

export interface InvestRequest {
  /** The client's key for this investment; a retry carries the same key. */
  key: string;
  investor: string;
  fund: string;
  amountMinor: number;
}

export type RejectReason = 'INSUFFICIENT_FUNDS' | 'FUND_FULL' | 'BELOW_MINIMUM' | 'UNKNOWN_ACCOUNT' | 'INVALID_AMOUNT';

/**
 * ACCEPTED: the transaction is recorded and will end, completed or failed,
 * with one notification to each party. REJECTED: nothing was recorded and no
 * money moves. RETRY: a transient refusal; the client retries with its key.
 */
export type InvestAnswer =
  | { status: 'ACCEPTED'; transactionId: string }
  | { status: 'REJECTED'; reason: RejectReason }
  | { status: 'RETRY'; reason: string };

/** The cache key under which an investor's balance is cached (and invalidated by the investor service). */
export const balanceCacheKey = (investor: string): string => `balance:${investor}`;

export interface WithdrawRequest {
  transactionId: string;
  investor: string;
  amountMinor: number;
  /**
   * The caller's key. An idempotent service answers a repeated key with the
   * first answer and applies nothing; a non-idempotent one applies it again.
   */
  key: string;
  /** The service refuses (`expired`, unapplied) a request arriving at or after this instant; null: never. */
  expiresAtMs: number | null;
}

export interface WithdrawReply {
  outcome: 'applied' | 'insufficient' | 'expired' | 'unknown-investor';
}

export interface RefundRequest {
  transactionId: string;
  investor: string;
  amountMinor: number;
  /** A refund is idempotent by key: a repeated key refunds nothing more. */
  key: string;
}

export interface InvestorPort {
  balance(req: { investor: string }, timeoutMs: number): Promise<RpcOutcome<{ known: boolean; balanceMinor: number }>>;
  withdraw(req: WithdrawRequest, timeoutMs: number): Promise<RpcOutcome<WithdrawReply>>;
  /** How many times withdrawals with this key were applied (0 if never). */
  lookup(req: { key: string }, timeoutMs: number): Promise<RpcOutcome<{ applied: number }>>;
  refund(req: RefundRequest, timeoutMs: number): Promise<RpcOutcome<{ outcome: 'applied' }>>;
}

export interface FundCriteria {
  known: boolean;
  minimumMinor: number;
  seats: number;
  /** Seats held by admitted investors and by live reservations. */
  seatsTaken: number;
}

export interface FundMove {
  fund: string;
  transactionId: string;
  investor: string;
  amountMinor: number;
}

export type ReserveOutcome = 'reserved' | 'full' | 'below-minimum' | 'unknown-fund';
export type RemitReason = 'full' | 'below-minimum' | 'unknown-fund' | 'refused';

export interface FundPort {
  criteria(req: { fund: string }, timeoutMs: number): Promise<RpcOutcome<FundCriteria>>;
  /** Holds a seat for the transaction (idempotent by transaction id) until it is remitted, released or expires. */
  reserve(req: FundMove, timeoutMs: number): Promise<RpcOutcome<{ outcome: ReserveOutcome }>>;
  release(req: { fund: string; transactionId: string }, timeoutMs: number): Promise<RpcOutcome<{ released: boolean }>>;
  /**
   * Credits the fund and admits the investor, or rejects the remittance
   * when it breaks the fund's criteria. With a key, a repeated key gets the
   * first answer and nothing is applied again; without one, every call is
   * a new remittance.
   */
  remit(req: FundMove & { key: string | null }, timeoutMs: number): Promise<RpcOutcome<{ outcome: 'applied' | 'rejected'; reason: RemitReason | null }>>;
}

export type Party = 'investor' | 'fund';

export interface Notification {
  /** The notification service records a message id once; a repeat is acknowledged and ignored. */
  messageId: string;
  transactionId: string;
  party: Party;
  status: 'completed' | 'failed';
}

export interface NotificationPort {
  send(n: Notification, timeoutMs: number): Promise<RpcOutcome<{ recorded: boolean }>>;
}

export interface FundPorts {
  clock: Clock;
  timers: Timers;
  ids: IdSource;
  sql: SqlPort;
  cache: CachePort;
  queue: QueuePort;
  investors: InvestorPort;
  funds: FundPort;
  notifications: NotificationPort;
  /** This node's name, e.g. `svc-1`. */
  self: string;
}

export interface FundNode {
  /** Starts the node's worker and background loops after every restart. */
  start(): void;
  invest(req: InvestRequest): Promise<InvestAnswer>;
  /** Work the node holds only in memory (lost if it crashes), for the liveness check. */
  heldInMemory(): readonly string[];
}

export interface FundInvestmentDesign {
  /** The system the design implements; a design module names it so that it is never run as another system's. */
  system: 'fund-investment';
  name: string;
  description: string;
  create(ports: FundPorts): FundNode;
}
