/**
 * The report's snapshot check: a pass is judged against when each row was
 * first seen committed. A row shown twice, a row committed after the first
 * page was answered, and a row of the window committed before the report
 * started but shown on no page are each a ReportSnapshot finding; a pass
 * that shows exactly the rows committed before it started, once each, is
 * not.
 */
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../impl/ports/sql.ts';
import type { ReportPass } from '../../../sim/accounts-advances/advances-client.ts';
import type { AdvancesTruth } from '../../../sim/accounts-advances/ground-truth.ts';
import { checkReportPass } from '../../../sim/accounts-advances/report-check.ts';

const row = (id: string, atMs: number): Row => ({ id, atMs, status: 'success' });

function truth(committed: Array<[string, number, number]>): AdvancesTruth {
  const transactions = committed.map(([id, atMs]) => row(id, atMs));
  const books = { accounts: [], transactions, advances: [], payments: [], alerts: [], collections: new Map() };
  return { initialTotalMinor: 0, books: () => books, committedAtMs: new Map(committed.map(([id, , at]) => [id, at])), observe: () => undefined };
}

function pass(pages: string[][]): ReportPass {
  const entries = pages.flatMap((ids, i) => ids.map((transactionId) => ({ transactionId, atMs: 500, status: 'success' as const, page: i + 1 })));
  return { plan: { atMs: 1000, limit: 2 }, fromMs: 100, startedMs: 1000, firstAnsweredMs: 1050, doneMs: 1080, entries, pages: pages.length, done: true, refused: null };
}

// id, atMs (the row's own timestamp), first seen committed at
const BOOKS: Array<[string, number, number]> = [['t1', 200, 210], ['t2', 300, 310], ['t3', 400, 410], ['old', 50, 60], ['late', 1100, 1100]];

describe('checkReportPass', () => {
  it('accepts a pass showing each row committed before it started once, and none later', () => {
    expect(checkReportPass(pass([['t3', 't2'], ['t1']]), truth(BOOKS))).toBeNull();
  });

  it('finds a row shown on two pages', () => {
    expect(checkReportPass(pass([['t3', 't2'], ['t2', 't1']]), truth(BOOKS))?.message).toBe('report started at 1000 ms (limit 2): transaction t2 appears on page 1 and again on page 2');
  });

  it('finds a row committed after the first page was answered', () => {
    expect(checkReportPass(pass([['t3', 't2'], ['t1', 'late']]), truth(BOOKS))?.message).toMatch(/page 2 shows transaction late, committed at 1100 ms, after the first page was answered at 1050 ms/);
  });

  it('finds a row skipped, and a row older than the window', () => {
    expect(checkReportPass(pass([['t3', 't2']]), truth(BOOKS))?.message).toMatch(/transaction t1, committed at 210 ms before the report started, appears on no page/);
    expect(checkReportPass(pass([['t3', 't2'], ['t1', 'old']]), truth(BOOKS))?.message).toMatch(/shows transaction old, older than the report's window/);
  });
});
