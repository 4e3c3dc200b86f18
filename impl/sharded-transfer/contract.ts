/**
 * The sharded-transfer system (seed 000): coordinator nodes that each own a
 * range of accounts and share one relational database, which is the only
 * channel between them. A transfer moves money from a donor account to
 * another account (an internal transfer, possibly owned by another node) or
 * to an external payee (a withdrawal through the withdrawal service).
 *
 * The flow, in the seed's three transaction scopes: (1) the donor's node
 * blocks the amount on the donor and inserts the transfer row; (2) the
 * receiver's node credits the receiver and marks stage 1; (3) the donor's
 * node marks stage 2 and commits the block (the donor's balance goes down)
 * or releases it. Nodes learn of work for their accounts by polling
 * committed rows. The tables and states every design writes are in
 * schema.ts, because the invariants read them as ground truth.
 */
import type { Clock, IdSource, RpcOutcome, Timers } from '../ports/ports.ts';
import type { SqlPort } from '../ports/sql.ts';

export interface TransferRequest {
  /** The client's key for this transfer; a retry carries the same key. */
  key: string;
  from: string;
  /** An account id (`acct-…`) or an external payee (`payee-…`). */
  to: string;
  amountMinor: number;
}

export type TransferAnswer =
  | { status: 'ACCEPTED'; transferId: string }
  | { status: 'REJECTED'; reason: 'INSUFFICIENT_FUNDS' | 'UNKNOWN_ACCOUNT' | 'INVALID_AMOUNT' }
  /** The request reached a node that does not own the donor; send it to `owner`. */
  | { status: 'NOT_OWNER'; owner: string }
  /** A transient refusal (a serialization failure, a timeout): the client retries with the same key. */
  | { status: 'RETRY'; reason: string };

export type WithdrawalState = 'processing' | 'completed' | 'failed' | 'unknown';

/**
 * The external withdrawal service. The caller chooses the withdrawal id; a
 * submission is idempotent by id for as long as the service remembers it.
 * Every answer carries the service's boot number and the boot since which
 * it remembers everything, so a caller can tell "never received" from
 * "forgotten in a restart".
 */
export interface WithdrawalAnswer {
  state: WithdrawalState;
  /** The service's boot number, one more after each restart. */
  boot: number;
  /**
   * The first boot since which the service remembers every withdrawal it
   * received: its current boot if it forgets on restart (`stateless`), 1 if
   * it keeps its records (`durable`).
   */
  rememberedSinceBoot: number;
}

export interface WithdrawalPort {
  submit(req: { withdrawalId: string; payee: string; amountMinor: number }, timeoutMs: number): Promise<RpcOutcome<WithdrawalAnswer>>;
  status(req: { withdrawalId: string }, timeoutMs: number): Promise<RpcOutcome<WithdrawalAnswer>>;
}

export interface ShardedPorts {
  clock: Clock;
  timers: Timers;
  ids: IdSource;
  sql: SqlPort;
  withdrawals: WithdrawalPort;
  /** This node's name, e.g. `node-1`. */
  self: string;
  /** The node that owns an account (the configured ranges). */
  ownerOf(account: string): string;
}

export interface ShardedNode {
  /** Starts the node's pollers (and its recovery) after every restart. */
  start(): void;
  transfer(req: TransferRequest): Promise<TransferAnswer>;
  /** Work the node holds only in memory (lost if it crashes), for the liveness check. */
  heldInMemory(): readonly string[];
}

export interface ShardedTransferDesign {
  /** The system the design implements; a design module names it so that it is never run as another system's. */
  system: 'sharded-transfer';
  name: string;
  description: string;
  create(ports: ShardedPorts): ShardedNode;
}
