/**
 * The two databases of accounts-advances and what every design writes in
 * them. The invariants read the committed rows directly, so these names and
 * meanings are part of the contract.
 *
 * The accounts manager's database:
 * - accounts(id, balance): the money of each account, the bank's included
 *   (`BANK_ACCOUNT`, the source of advances and the sink of repayments).
 * - transactions(id, atMs, kind, src, dst, amount, direction, status,
 *   reason, requestKey, advanceId, paymentId, seq): one row per recorded
 *   transaction, successful or failed. A bank transaction has `src` null and
 *   names the advance (and, for a repayment, the payment) it is for.
 * - request_keys(key, ...) and positions(id, value): what a design keeps
 *   for idempotency and commit positions (the naive design leaves them
 *   empty).
 *
 * The advances service's database:
 * - advances(id, requestKey, accountId, amount, state, createdAtMs): state
 *   GRANTING (recorded, grant not yet confirmed), ACTIVE or REFUSED.
 * - payments(id, advanceId, accountId, week, amount, dueAtMs, state,
 *   fence, leaseUntilMs, worker): state DUE, PROCESSING (leased by a
 *   worker until leaseUntilMs, with fencing token `fence`), PAID, FAILED
 *   (its amount moved to a later payment) or CANCELLED (its advance was
 *   refused).
 * - alerts(id, advanceId, atMs, sum): the reconciliation job's flags.
 */
export const ACCOUNTS = 'accounts';
export const TRANSACTIONS = 'transactions';
export const REQUEST_KEYS = 'request_keys';
export const POSITIONS = 'positions';
export const ADVANCES = 'advances';
export const PAYMENTS = 'payments';
export const ALERTS = 'alerts';

/** The bank's own account: advances are paid out of it and repaid into it. */
export const BANK_ACCOUNT = 'bank';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** An advance is repaid in this many weekly payments (the seed's 12 weeks). */
export const WEEKS = 12;
/** How far back the transactions report reaches (the seed's 5 days). */
export const REPORT_WINDOW_MS = 5 * DAY_MS;

export type PaymentState = 'DUE' | 'PROCESSING' | 'PAID' | 'FAILED' | 'CANCELLED';
export type AdvanceState = 'GRANTING' | 'ACTIVE' | 'REFUSED';

/** Payment states the seed's reconciliation formula sums: paid, not due yet, being processed. */
export const COUNTED_STATES: ReadonlySet<string> = new Set(['DUE', 'PROCESSING', 'PAID']);
/** Payment states after which nothing more happens to a payment. */
export const SETTLED_STATES: ReadonlySet<string> = new Set(['PAID', 'FAILED', 'CANCELLED']);

/** A payment's id: its advance and its week, zero-padded so ids sort by week. */
export function paymentId(advanceId: string, week: number): string {
  return `${advanceId}:w${String(week).padStart(2, '0')}`;
}

/** A new DUE payment row with no lease. */
export function paymentRow(advanceId: string, accountId: string, week: number, amount: number, dueAtMs: number): Record<string, string | number | null> {
  return { id: paymentId(advanceId, week), advanceId, accountId, week, amount, dueAtMs, state: 'DUE', fence: 0, leaseUntilMs: 0, worker: null };
}

/** The tables of each database with their primary keys, for whoever creates them. */
export const ACCOUNTS_DB_TABLES = [
  { name: ACCOUNTS, primaryKey: 'id' },
  { name: TRANSACTIONS, primaryKey: 'id' },
  { name: REQUEST_KEYS, primaryKey: 'key' },
  { name: POSITIONS, primaryKey: 'id' },
] as const;

export const ADVANCES_DB_TABLES = [
  { name: ADVANCES, primaryKey: 'id' },
  { name: PAYMENTS, primaryKey: 'id' },
  { name: ALERTS, primaryKey: 'id' },
] as const;

/** The transaction row every design records: `src` null for a bank transaction, `reason` set for a failed one. */
export interface TransactionFields {
  id: string;
  atMs: number;
  kind: 'transfer' | 'bank';
  src: string | null;
  dst: string;
  amount: number;
  direction: string;
  status: 'success' | 'fail';
  reason: string | null;
  note: string | null;
  requestKey: string;
  advanceId: string | null;
  paymentId: string | null;
  /** The commit position of the row, for designs that keep one; null otherwise. */
  seq: number | null;
}

export function transactionRow(fields: TransactionFields): Record<string, string | number | null> {
  return { ...fields };
}
