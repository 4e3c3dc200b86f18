/**
 * Durable records of the reference bank-transfer protocol.
 *
 * Keys: `transfer/<id>` holds the transfer and its state; `active/<id>` marks
 * a transfer that still owes work (the outbox that recovery scans);
 * `idem/<key>` maps a client idempotency key to its transfer (or records that
 * the key was refused, so that a late copy of the request is refused too); `lock/<account>`
 * names the one unsettled transfer of an external account.
 *
 * States: CASHING_OUT (intent written before the external call), CREDITING
 * (money is out, credit owed), REVERSING (credit refused for good, money must
 * go back), and the terminal SUCCEEDED, FAILED (nothing moved) and REVERSED.
 *
 * A transfer whose cash-out was sent also owes a surplus check (`verify`):
 * at a non-idempotent institution a duplicated cash-out may apply more than
 * once, until the request expires. After the expiry the status query gives
 * the final count of applications, and each one beyond what the terminal
 * state calls for (one for SUCCEEDED, none otherwise) is undone. The record
 * stays in the outbox until that check is done.
 */
import type { Json } from '../../ports/ports.ts';
import type { TransferAnswer } from '../contract.ts';

export type TransferState = 'CASHING_OUT' | 'CREDITING' | 'REVERSING' | 'SUCCEEDED' | 'FAILED' | 'REVERSED';

export interface TransferRecord {
  id: string;
  idempotencyKey: string;
  userId: string;
  accountId: string;
  amountMinor: number;
  state: TransferState;
  /** The cash-out request is refused by the institution after this instant. */
  cashOutExpiresAtMs: number;
  /** Expiry of the latest undo request, once one was sent. */
  undoExpiresAtMs: number | null;
  /** Why the transfer failed, a stable code. */
  failureCode: string | null;
  /** True while surplus applications of the cash-out may still need undoing. */
  verify: boolean;
}

export const transferKey = (id: string): string => `transfer/${id}`;
export const activeKey = (id: string): string => `active/${id}`;
export const idemKey = (key: string): string => `idem/${key}`;
export const lockKey = (accountId: string): string => `lock/${accountId}`;
export const ACTIVE_PREFIX = 'active/';

export const OWING_STATES: ReadonlySet<TransferState> = new Set(['CASHING_OUT', 'CREDITING', 'REVERSING']);

export function isTerminal(state: TransferState): boolean {
  return !OWING_STATES.has(state);
}

/** Whether the record still owes work: a non-terminal state or a pending surplus check. */
export function owesWork(record: TransferRecord): boolean {
  return OWING_STATES.has(record.state) || record.verify === true;
}

/** Applications of the cash-out the terminal state calls for. */
export function wantedApplications(state: TransferState): number {
  return state === 'SUCCEEDED' ? 1 : 0;
}

/** The answer a client gets for a transfer in this state. */
export function answerFor(record: TransferRecord): TransferAnswer {
  switch (record.state) {
    case 'SUCCEEDED':
      return { status: 'SUCCESS', transferId: record.id };
    case 'FAILED':
    case 'REVERSED':
    case 'REVERSING':
      // A transfer being reversed has failed; the reversal is a durable obligation.
      return { status: 'FAILED', transferId: record.id, code: record.failureCode ?? 'FAILED' };
    default:
      return { status: 'PENDING', transferId: record.id };
  }
}

export function asRecord(value: Json | undefined): TransferRecord | undefined {
  return value === undefined ? undefined : (value as unknown as TransferRecord);
}

export function toJson(record: TransferRecord): Json {
  return record as unknown as Json;
}
