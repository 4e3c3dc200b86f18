/**
 * What fund-investment's invariants read: the transaction service's
 * committed rows, the investor and fund services' books per transaction,
 * the funds' admissions and the notification log, summarised once per
 * change (a commit, a movement of money, a recorded message) rather than
 * after every event.
 *
 * Money in flight for a transaction is what left the investor under it and
 * has neither reached the fund nor gone back: withdrawn - refunded -
 * remitted.
 */
import type { Row } from '../../impl/ports/sql.ts';
import { OUTBOX, TRANSACTIONS } from '../../impl/fund-investment/schema.ts';
import { cachedByVersion } from '../kit/cached-by-version.ts';
import type { SqlDatabase } from '../storage/sql/sql-database.ts';
import type { FundService } from './fund-service.ts';
import type { InvestorService } from './investor-service.ts';
import type { NotificationSink, RecordedNotification } from './notification-sink.ts';

export interface Movement {
  withdrawnMinor: number;
  refundedMinor: number;
  remittedMinor: number;
  remittances: number;
}

export interface Books {
  transactions: readonly Row[];
  byId: ReadonlyMap<string, Row>;
  outboxUnsent: number;
  investorsTotalMinor: number;
  fundsTotalMinor: number;
  toppedUpMinor: number;
  /** Per transaction id named in any call that moved money. */
  movements: ReadonlyMap<string, Movement>;
  /** Recorded notifications per `transactionId|party`. */
  notified: ReadonlyMap<string, readonly RecordedNotification[]>;
}

export interface FundTruth {
  initialTotalMinor: number;
  investors: InvestorService;
  funds: FundService;
  /** Moves whenever anything the books summarise changes. */
  version: () => number;
  books: () => Books;
}

export function fundTruth(db: SqlDatabase, investors: InvestorService, funds: FundService, sink: NotificationSink, initialTotalMinor: number): FundTruth {
  // Every counter only grows, so their sum moves whenever any of them does.
  const version = (): number => db.commits + investors.version + funds.version + sink.log.size;
  return { initialTotalMinor, investors, funds, version, books: cachedByVersion(version, () => readBooks(db, investors, funds, sink)) };
}

function readBooks(db: SqlDatabase, investors: InvestorService, funds: FundService, sink: NotificationSink): Books {
  const transactions = db.committedRows(TRANSACTIONS);
  const movements = new Map<string, Movement>();
  const of = (tx: string): Movement => {
    let m = movements.get(tx);
    if (m === undefined) movements.set(tx, (m = { withdrawnMinor: 0, refundedMinor: 0, remittedMinor: 0, remittances: 0 }));
    return m;
  };
  for (const [tx, l] of investors.ledger) Object.assign(of(tx), { withdrawnMinor: l.withdrawnMinor, refundedMinor: l.refundedMinor });
  for (const [tx, l] of funds.ledger) Object.assign(of(tx), { remittedMinor: l.remittedMinor, remittances: l.remittances });
  const notified = new Map<string, RecordedNotification[]>();
  for (const n of sink.log.values()) {
    const key = `${n.transactionId}|${n.party}`;
    notified.set(key, [...(notified.get(key) ?? []), n]);
  }
  return {
    transactions,
    byId: new Map(transactions.map((t) => [t.id as string, t])),
    outboxUnsent: db.committedRows(OUTBOX).filter((r) => r.sent !== true).length,
    investorsTotalMinor: investors.totalMinor(),
    fundsTotalMinor: funds.totalMinor(),
    toppedUpMinor: investors.toppedUpMinor,
    movements,
    notified,
  };
}

/** Money in flight for one transaction. */
export const inFlightMinor = (m: Movement): number => m.withdrawnMinor - m.refundedMinor - m.remittedMinor;
