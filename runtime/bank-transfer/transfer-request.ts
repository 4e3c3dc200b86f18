/**
 * Validation of `POST /transfers`: the idempotency key comes in the
 * `Idempotency-Key` header, the rest in a JSON body
 * `{"userId": "...", "accountId": "...", "amountMinor": 1250}`. Every
 * problem names its field; a refused request never reaches the coordinator.
 */
import type { IncomingMessage } from 'node:http';
import type { TransferRequest } from '../../impl/bank-transfer/contract.ts';
import { asObject, field, isBad, type BadInput } from '../net/json-server.ts';

const BODY_FIELDS = new Set(['userId', 'accountId', 'amountMinor']);

export function parseTransferRequest(req: IncomingMessage, raw: unknown): TransferRequest | BadInput {
  const header = req.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key.trim() === '') {
    return { field: 'Idempotency-Key', message: 'header is required: one key per press of the button, the same key on every retry of it' };
  }
  if (key.length > 200) return { field: 'Idempotency-Key', message: 'must be at most 200 characters' };
  const body = asObject(raw);
  if (isBad(body)) return body;
  const unknown = Object.keys(body).find((k) => !BODY_FIELDS.has(k));
  if (unknown !== undefined) return { field: unknown, message: 'is not a field of a transfer (expected userId, accountId, amountMinor)' };
  const userId = field.text(body, 'userId');
  if (isBad(userId)) return userId;
  const accountId = field.text(body, 'accountId');
  if (isBad(accountId)) return accountId;
  const amountMinor = field.amount(body, 'amountMinor');
  if (isBad(amountMinor)) return amountMinor;
  return { idempotencyKey: key, userId, accountId, amountMinor };
}
