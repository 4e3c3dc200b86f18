/**
 * The step invariants of accounts-advances on hand-made books: each fires
 * on the state it names (float drift as money created, a negative balance,
 * a payment collected twice or collected and carried forward, a
 * collection beyond the grant, payments of 1000 / 12, an alert, a key used
 * twice) and stays quiet on a consistent state.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, ACCOUNTS_DB_TABLES, ADVANCES, ADVANCES_DB_TABLES, ALERTS, PAYMENTS, paymentRow, TRANSACTIONS } from '../../../impl/accounts-advances/schema.ts';
import type { Row } from '../../../impl/ports/sql.ts';
import { advancesTruth } from '../../../sim/accounts-advances/ground-truth.ts';
import { stepChecker } from '../../../sim/accounts-advances/invariants.ts';
import { SqlDatabase } from '../../../sim/storage/sql/sql-database.ts';

interface Books {
  balances?: Record<string, number>;
  transactions?: Row[];
  payments?: Row[];
  alerts?: Row[];
  advances?: Row[];
}

const ADVANCE: Row = { id: 'a1', requestKey: 'k', accountId: 'borrower', amount: 200, state: 'ACTIVE', createdAtMs: 0 };
const GRANT = bank('g', 'credit', 200, null);

function bank(id: string, direction: string, amount: number, paymentId: string | null, status = 'success'): Row {
  return { id, atMs: 0, kind: 'bank', src: null, dst: 'borrower', amount, direction, status, reason: null, note: null, requestKey: id, advanceId: 'a1', paymentId, seq: null };
}

function verdict(b: Books): string | null {
  const accounts = new SqlDatabase({ level: 'read-committed', tables: ACCOUNTS_DB_TABLES });
  const balances = b.balances ?? { bank: 800, borrower: 200 };
  accounts.load(ACCOUNTS, Object.entries(balances).map(([id, balance]) => ({ id, balance })));
  accounts.load(TRANSACTIONS, b.transactions ?? [GRANT]);
  const advances = new SqlDatabase({ level: 'read-committed', tables: ADVANCES_DB_TABLES });
  advances.load(ADVANCES, b.advances ?? [ADVANCE]);
  advances.load(PAYMENTS, b.payments ?? [paymentRow('a1', 'borrower', 1, 100, 10), paymentRow('a1', 'borrower', 2, 100, 20)]);
  advances.load(ALERTS, b.alerts ?? []);
  const f = stepChecker(advancesTruth(accounts, advances, 1000))();
  return f === null ? null : `${f.invariant}: ${f.message}`;
}

describe('accounts-advances step invariants', () => {
  it('hold on a consistent state', () => {
    expect(verdict({})).toBeNull();
  });

  it('MoneyConserved: a float drift is money created, summed exactly', () => {
    const v = verdict({ balances: { bank: 800, borrower: 200 - 0.30000000000000004 + 0.30000000000000004, merchant: 0.30000000000000004 - 0.3 } });
    expect(v).toMatch(/^MoneyConserved: money created: the balances add up to 1000 \+ /);
  });

  it('NoNegativeBalance', () => {
    expect(verdict({ balances: { bank: 900, borrower: 200, merchant: -100 } })).toBe('NoNegativeBalance: merchant has balance -100');
  });

  it('CollectedAtMostOnce: two successful debits for one payment', () => {
    const p1 = 'a1:w01';
    const v = verdict({ balances: { bank: 1000, borrower: 0 }, transactions: [GRANT, bank('d1', 'debit', 100, p1), bank('d2', 'debit', 100, p1)], payments: [{ ...paymentRow('a1', 'borrower', 1, 100, 10), state: 'PAID' }, paymentRow('a1', 'borrower', 2, 100, 20)] });
    expect(v).toBe('CollectedAtMostOnce: payment a1:w01 was collected 2 times (d1: 100, d2: 100)');
  });

  it('CollectedAtMostOnce: a payment carried forward as failed whose debit succeeded', () => {
    const v = verdict({ balances: { bank: 900, borrower: 100 }, transactions: [GRANT, bank('d1', 'debit', 100, 'a1:w01')], payments: [{ ...paymentRow('a1', 'borrower', 1, 100, 10), state: 'FAILED' }, paymentRow('a1', 'borrower', 2, 200, 20)] });
    expect(v).toMatch(/^CollectedAtMostOnce: payment a1:w01 was carried forward as failed, yet its debit d1 succeeded/);
  });

  it('RepaidAtMostGranted: collections beyond what was granted', () => {
    const v = verdict({ balances: { bank: 1000, borrower: 0 }, transactions: [bank('g', 'credit', 100, null), bank('d1', 'debit', 100, 'a1:w01'), bank('d2', 'debit', 100, 'a1:w02')] });
    expect(v).toBe('RepaidAtMostGranted: advance a1: collected 200 but granted 100');
  });

  it('PaymentsAddUp: twelve payments of 1000 / 12 are no advance of 1000', () => {
    const payments = Array.from({ length: 12 }, (_, i) => paymentRow('a1', 'borrower', i + 1, 1000 / 12, i));
    const v = verdict({ advances: [{ ...ADVANCE, amount: 1000 }], payments, transactions: [bank('g', 'credit', 1000, null)], balances: { bank: 0, borrower: 1000 } });
    expect(v).toMatch(/^PaymentsAddUp: advance a1 of 1000: its paid, due and in-progress payments add up to 1000 - [0-9.e-]+ \(exactly\)/);
  });

  it('PaymentsAddUp ignores payments carried forward and refused advances', () => {
    expect(verdict({ payments: [{ ...paymentRow('a1', 'borrower', 1, 100, 10), state: 'FAILED' }, paymentRow('a1', 'borrower', 2, 200, 20)] })).toBeNull();
    expect(verdict({ advances: [{ ...ADVANCE, state: 'REFUSED' }], payments: [] })).toBeNull();
  });

  it('ReconciliationHonest: an alert for an advance that adds up is a false flag', () => {
    expect(verdict({ alerts: [{ id: 'a1@3', advanceId: 'a1', atMs: 0, sum: 100 }] })).toMatch(/^ReconciliationHonest: the reconciliation job flagged advance a1 \(it summed 100\)/);
  });

  it('ExactlyOncePerKey: one client key, two transfers', () => {
    const t = (id: string): Row => ({ ...bank(id, 'debit', 10, null), kind: 'transfer', src: 'borrower', dst: 'merchant', requestKey: 'k7', advanceId: null });
    expect(verdict({ transactions: [GRANT, t('x1'), t('x2')] })).toBe('ExactlyOncePerKey: transfer request k7 moved money 2 times');
  });
});
