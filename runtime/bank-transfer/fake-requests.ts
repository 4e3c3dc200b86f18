/**
 * Validation of the bodies the fakes accept, so that a malformed call is
 * refused with 400 naming the field instead of being coerced into a
 * transfer of NaN. The checked body is passed to the simulator's fake as is.
 */
import { asObject, field, isBad, type BadInput } from '../net/json-server.ts';

export type FakeMethod = 'cashOut' | 'undo' | 'status' | 'credit';

export function checkFakeRequest(method: FakeMethod, raw: unknown): BadInput | null {
  const body = asObject(raw);
  if (isBad(body)) return body;
  const checks: Array<unknown> =
    method === 'cashOut'
      ? [field.text(body, 'reference'), field.text(body, 'accountId'), field.amount(body, 'amountMinor'), field.optionalInt(body, 'expiresAtMs', 0)]
      : method === 'undo'
        ? [field.text(body, 'reference'), field.optionalInt(body, 'expiresAtMs', 0), field.optionalInt(body, 'ifUndone', 0)]
        : method === 'status'
          ? [field.text(body, 'reference')]
          : [field.text(body, 'transferId'), field.text(body, 'userId'), field.amount(body, 'amountMinor')];
  return (checks.find(isBad) as BadInput | undefined) ?? null;
}
