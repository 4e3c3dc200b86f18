/**
 * The bank-transfer coordinator contract (seeds 001 and 003).
 *
 * A mobile client asks our API to pull `amountMinor` from the user's account
 * at an external financial institution into their internal balance. The
 * coordinator talks to the external institution (cash-out, undo, status by
 * client reference) and to the internal balance store (credit keyed by
 * transfer id). Every design, ours or a user's, implements this contract and
 * is given only the ports below.
 *
 * Rules the harness relies on:
 * - the client reference of every external call for a transfer is its
 *   transfer id, so ground truth can be tied to answers;
 * - `durableObligations` reads committed data only and lists the transfer ids
 *   whose money recovery will finish (credit) or return (reverse);
 * - `heldInMemory` lists the transfer ids the live process is still working on
 *   from memory; the harness counts them only while that process is alive.
 */
import type { Clock, IdSource, RpcOutcome, Store, StoreView, Timers } from '../ports/ports.ts';

export interface TransferRequest {
  /** Chosen by the client; a retry of the same press carries the same key. */
  idempotencyKey: string;
  userId: string;
  /** The user's account at the external institution. */
  accountId: string;
  amountMinor: number;
}

export type TransferStatus = 'SUCCESS' | 'FAILED' | 'PENDING';

export interface TransferAnswer {
  status: TransferStatus;
  /** Empty when the request was refused before a transfer existed. */
  transferId: string;
  /** A stable reason code on FAILED, e.g. INSUFFICIENT_FUNDS, ACCOUNT_BUSY. */
  code?: string;
}

export type CashOutReply = { status: 'APPLIED' } | { status: 'REJECTED'; code: 'INSUFFICIENT_FUNDS' | 'UNKNOWN_ACCOUNT' | 'EXPIRED' };
export type UndoReply = { status: 'UNDONE' } | { status: 'NOT_FOUND' };
/** `applied` and `undone` count applications of the reference (more than one only in non-idempotent mode). */
export type StatusReply = { applied: number; undone: number };
export type CreditReply = { status: 'CREDITED' } | { status: 'REJECTED'; code: 'ANTIFRAUD' | 'DOMAIN' };

export interface CashOutRequest {
  reference: string;
  accountId: string;
  amountMinor: number;
  /** Optional deadline: the institution refuses to apply the request after this instant. */
  expiresAtMs?: number;
}

export interface ExternalInstitutionClient {
  cashOut(req: CashOutRequest, timeoutMs: number): Promise<RpcOutcome<CashOutReply>>;
  /**
   * Reverses one application of the reference. With `ifUndone` the undo is
   * conditional: it applies only if exactly that many undos have applied so
   * far, so that a duplicated delivery cannot undo twice.
   */
  undo(req: { reference: string; expiresAtMs?: number; ifUndone?: number }, timeoutMs: number): Promise<RpcOutcome<UndoReply>>;
  status(req: { reference: string }, timeoutMs: number): Promise<RpcOutcome<StatusReply>>;
}

export interface InternalLedgerClient {
  credit(req: { transferId: string; userId: string; amountMinor: number }, timeoutMs: number): Promise<RpcOutcome<CreditReply>>;
}

export interface BankTransferPorts {
  clock: Clock;
  timers: Timers;
  store: Store;
  ids: IdSource;
  external: ExternalInstitutionClient;
  ledger: InternalLedgerClient;
}

export interface BankTransferCoordinator {
  /** Called on every (re)start of the process: recover from the store, start workers. */
  start(): void;
  transfer(req: TransferRequest): Promise<TransferAnswer>;
  /** The current answer for a transfer id (PENDING while unsettled). */
  status(transferId: string): Promise<TransferAnswer>;
  heldInMemory(): readonly string[];
}

export interface BankTransferDesign {
  name: string;
  description: string;
  create(ports: BankTransferPorts): BankTransferCoordinator;
  durableObligations(view: StoreView): readonly string[];
}
