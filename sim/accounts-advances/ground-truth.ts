/**
 * What accounts-advances' invariants read: the committed rows of both
 * databases, summarised once per commit rather than after every event, and
 * when each transaction row was first seen committed (the report's
 * snapshot is judged against those instants).
 */
import type { Row } from '../../impl/ports/sql.ts';
import { ACCOUNTS, ADVANCES, ALERTS, PAYMENTS, TRANSACTIONS } from '../../impl/accounts-advances/schema.ts';
import { cachedByVersion } from '../kit/cached-by-version.ts';
import type { SqlDatabase } from '../storage/sql/sql-database.ts';

export interface AdvancesBooks {
  accounts: readonly Row[];
  transactions: readonly Row[];
  advances: readonly Row[];
  payments: readonly Row[];
  alerts: readonly Row[];
  /** Successful repayment debits per payment id. */
  collections: ReadonlyMap<string, Row[]>;
}

export interface AdvancesTruth {
  initialTotalMinor: number;
  books: () => AdvancesBooks;
  /** When each transaction row was first seen committed, in virtual ms. */
  committedAtMs: ReadonlyMap<string, number>;
  /** Notes the commit instants of rows committed since the last call. */
  observe: (nowMs: number) => void;
}

export function advancesTruth(accountsDb: SqlDatabase, advancesDb: SqlDatabase, initialTotalMinor: number): AdvancesTruth {
  const books = cachedByVersion(() => accountsDb.commits * 1_000_003 + advancesDb.commits, () => readBooks(accountsDb, advancesDb));
  const committedAtMs = new Map<string, number>();
  let seenCommits = -1;
  const observe = (nowMs: number): void => {
    if (accountsDb.commits === seenCommits) return;
    seenCommits = accountsDb.commits;
    for (const t of books().transactions) if (!committedAtMs.has(t.id as string)) committedAtMs.set(t.id as string, nowMs);
  };
  return { initialTotalMinor, books, committedAtMs, observe };
}

function readBooks(accountsDb: SqlDatabase, advancesDb: SqlDatabase): AdvancesBooks {
  const transactions = accountsDb.committedRows(TRANSACTIONS);
  const collections = new Map<string, Row[]>();
  for (const t of transactions) {
    if (t.kind !== 'bank' || t.direction !== 'debit' || t.status !== 'success' || typeof t.paymentId !== 'string') continue;
    const list = collections.get(t.paymentId) ?? [];
    list.push(t);
    collections.set(t.paymentId, list);
  }
  return {
    accounts: accountsDb.committedRows(ACCOUNTS),
    transactions,
    advances: advancesDb.committedRows(ADVANCES),
    payments: advancesDb.committedRows(PAYMENTS),
    alerts: advancesDb.committedRows(ALERTS),
    collections,
  };
}
