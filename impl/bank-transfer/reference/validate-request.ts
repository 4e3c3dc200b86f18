/** Checks a transfer request's fields; returns a stable code naming the problem, or null. */
import type { TransferRequest } from '../contract.ts';

export function validateTransferRequest(req: TransferRequest): string | null {
  if (typeof req.idempotencyKey !== 'string' || req.idempotencyKey === '') return 'INVALID_IDEMPOTENCY_KEY';
  if (typeof req.userId !== 'string' || req.userId === '') return 'INVALID_USER_ID';
  if (typeof req.accountId !== 'string' || req.accountId === '') return 'INVALID_ACCOUNT_ID';
  if (!Number.isSafeInteger(req.amountMinor) || req.amountMinor <= 0) return 'INVALID_AMOUNT';
  return null;
}
