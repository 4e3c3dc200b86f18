/**
 * What sharded-transfer's invariants read: the database's committed rows
 * (accounts and transfers, whatever is in flight) and the payees' books
 * kept by the withdrawal service, summarised once per change (a commit or
 * a payout) rather than after every event.
 */
import type { Row } from '../../impl/ports/sql.ts';
import { ACCOUNTS, HOLDING_STATES, TRANSFERS } from '../../impl/sharded-transfer/schema.ts';
import { cachedByVersion } from '../kit/cached-by-version.ts';
import type { SqlDatabase } from '../storage/sql/sql-database.ts';
import type { WithdrawalStub } from './withdrawal-stub.ts';

export interface Books {
  accounts: readonly Row[];
  transfers: readonly Row[];
  balanceTotalMinor: number;
  paidTotalMinor: number;
  /** Internal transfers credited to the receiver whose donor is not yet debited. */
  creditedNotDebitedMinor: number;
  /** Withdrawals paid out whose donor still holds the amount blocked (not yet debited, not released). */
  paidStillBlockedMinor: number;
  /** Per withdrawal id, how many payouts reached the payee. */
  payouts: ReadonlyMap<string, number>;
}

export interface ShardedTruth {
  initialTotalMinor: number;
  books: () => Books;
}

export function shardedTruth(db: SqlDatabase, stub: WithdrawalStub, initialTotalMinor: number): ShardedTruth {
  const books = cachedByVersion(() => db.commits + stub.paid.length, () => readBooks(db, stub));
  return { initialTotalMinor, books };
}

function readBooks(db: SqlDatabase, stub: WithdrawalStub): Books {
  const accounts = db.committedRows(ACCOUNTS);
  const transfers = db.committedRows(TRANSFERS);
  const payouts = new Map<string, number>();
  for (const p of stub.paid) payouts.set(p.withdrawalId, (payouts.get(p.withdrawalId) ?? 0) + 1);
  let balanceTotalMinor = 0;
  for (const a of accounts) balanceTotalMinor += a.balance as number;
  let creditedNotDebitedMinor = 0;
  let paidStillBlockedMinor = 0;
  for (const t of transfers) {
    const amount = t.amount as number;
    if (t.kind === 'internal' && t.state === 'CREDITED') creditedNotDebitedMinor += amount;
    if (t.kind === 'withdrawal' && HOLDING_STATES.has(t.state as string) && payouts.has(t.id as string)) paidStillBlockedMinor += amount;
  }
  return { accounts, transfers, balanceTotalMinor, paidTotalMinor: stub.paidTotalMinor(), creditedNotDebitedMinor, paidStillBlockedMinor, payouts };
}
