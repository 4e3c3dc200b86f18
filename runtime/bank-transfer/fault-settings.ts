/**
 * The fakes' fault switches as the admin endpoint accepts them:
 * `{"external": {...}, "ledger": {...}}` with the simulator's option names
 * (probabilities per request in [0, 1]), plus `downForMs` for the
 * institution (refuse everything with 503 for that long, from now).
 * Unknown names and out-of-range values are refused, naming the field.
 */
import type { ExternalOptions } from '../../sim/fakes/external-options.ts';
import type { LedgerOptions } from '../../sim/fakes/ledger-options.ts';
import { asObject, isBad, type BadInput } from '../net/json-server.ts';

export interface FaultUpdate {
  external: Partial<ExternalOptions>;
  ledger: Partial<LedgerOptions>;
}

const EXTERNAL_RATES = ['unavailableProbability', 'errorBeforeProbability', 'errorAfterProbability', 'lostReplyProbability', 'slowProbability'] as const;
const LEDGER_RATES = ['rejectProbability', 'rateLimitProbability', 'lostReplyProbability', 'slowProbability'] as const;

export function parseFaultUpdate(raw: unknown, nowMs: number): { ok: true; value: FaultUpdate } | { ok: false; bad: BadInput } {
  const body = asObject(raw);
  if (isBad(body)) return { ok: false, bad: body };
  for (const key of Object.keys(body)) {
    if (key !== 'external' && key !== 'ledger') return { ok: false, bad: { field: key, message: 'unknown service (expected "external" or "ledger")' } };
  }
  const external: Partial<ExternalOptions> = {};
  const ledger: Partial<LedgerOptions> = {};
  const ext = body['external'] === undefined ? {} : asObject(body['external']);
  if (isBad(ext)) return { ok: false, bad: { field: 'external', message: 'must be a JSON object' } };
  const led = body['ledger'] === undefined ? {} : asObject(body['ledger']);
  if (isBad(led)) return { ok: false, bad: { field: 'ledger', message: 'must be a JSON object' } };
  for (const [key, value] of Object.entries(ext)) {
    const name = `external.${key}`;
    if ((EXTERNAL_RATES as readonly string[]).includes(key)) {
      if (!isRate(value)) return { ok: false, bad: { field: name, message: 'must be a probability between 0 and 1' } };
      (external as Record<string, number>)[key] = value;
    } else if (key === 'slowExtraMsMax' || key === 'downForMs') {
      if (!isWholeMs(value)) return { ok: false, bad: { field: name, message: 'must be a whole number of milliseconds >= 0' } };
      if (key === 'slowExtraMsMax') external.slowExtraMsMax = value;
      else external.downWindows = value === 0 ? [] : [{ fromMs: nowMs, toMs: nowMs + value }];
    } else if (key === 'mode') {
      if (value !== 'idempotent' && value !== 'non-idempotent') return { ok: false, bad: { field: name, message: 'must be "idempotent" or "non-idempotent"' } };
      external.mode = value;
    } else if (key === 'allowNegativeBalance') {
      if (typeof value !== 'boolean') return { ok: false, bad: { field: name, message: 'must be true or false' } };
      external.allowNegativeBalance = value;
    } else {
      return { ok: false, bad: { field: name, message: `unknown switch (known: ${[...EXTERNAL_RATES, 'slowExtraMsMax', 'downForMs', 'mode', 'allowNegativeBalance'].join(', ')})` } };
    }
  }
  for (const [key, value] of Object.entries(led)) {
    const name = `ledger.${key}`;
    if ((LEDGER_RATES as readonly string[]).includes(key)) {
      if (!isRate(value)) return { ok: false, bad: { field: name, message: 'must be a probability between 0 and 1' } };
      (ledger as Record<string, number>)[key] = value;
    } else if (key === 'slowExtraMsMax') {
      if (!isWholeMs(value)) return { ok: false, bad: { field: name, message: 'must be a whole number of milliseconds >= 0' } };
      ledger.slowExtraMsMax = value;
    } else {
      return { ok: false, bad: { field: name, message: `unknown switch (known: ${[...LEDGER_RATES, 'slowExtraMsMax'].join(', ')})` } };
    }
  }
  return { ok: true, value: { external, ledger } };
}

const isRate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
const isWholeMs = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
