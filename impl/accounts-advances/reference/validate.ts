/**
 * Input checks of the reference accounts manager: every request is refused
 * with a reason naming the field before anything is recorded. Amounts are
 * whole minor units: a float such as 0.1 + 0.2, zero, a negative amount or
 * an unsafe integer is refused, never rounded.
 */
import type { BankTransactionRequest, TransferRequest } from '../contract.ts';

export function amountProblem(amountMinor: unknown): string | null {
  if (typeof amountMinor !== 'number' || !Number.isFinite(amountMinor)) return `amountMinor must be a number, got ${String(amountMinor)}`;
  if (!Number.isSafeInteger(amountMinor)) return `amountMinor must be a whole number of minor units, got ${amountMinor}`;
  if (amountMinor <= 0) return `amountMinor must be positive, got ${amountMinor}`;
  return null;
}

function directionProblem(direction: unknown): string | null {
  return direction === 'debit' || direction === 'credit' ? null : `direction must be debit or credit, got ${String(direction)}`;
}

function idProblem(field: string, id: unknown): string | null {
  return typeof id === 'string' && id !== '' ? null : `${field} must be a non-empty string`;
}

export function transferProblem(req: TransferRequest): string | null {
  return (
    idProblem('key', req.key) ??
    idProblem('srcAccountId', req.srcAccountId) ??
    idProblem('dstAccountId', req.dstAccountId) ??
    (req.srcAccountId === req.dstAccountId ? 'srcAccountId and dstAccountId must differ' : null) ??
    amountProblem(req.amountMinor) ??
    directionProblem(req.direction)
  );
}

export function bankProblem(req: BankTransactionRequest): string | null {
  return (
    idProblem('key', req.key) ??
    idProblem('accountId', req.accountId) ??
    idProblem('advanceId', req.advanceId) ??
    amountProblem(req.amountMinor) ??
    directionProblem(req.direction) ??
    (req.fence === null || Number.isSafeInteger(req.fence) ? null : `fence must be an integer or null, got ${String(req.fence)}`)
  );
}
