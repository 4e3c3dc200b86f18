/**
 * The invariants fund-investment checks after every event, against the
 * investor and fund services' books, the notification log and the
 * transaction service's committed rows (see ground-truth.ts):
 *
 * - RemittedAtMostOnce: no transaction's money reached the fund twice.
 * - NoRefundWithoutWithdrawal: no transaction refunded more than it withdrew.
 * - MoneyConserved: no transaction sent on (refunds plus remittances) more
 *   than it withdrew, and investors + funds + money in flight = the initial
 *   total plus top-ups.
 * - NoOrphanedMoney: money in flight belongs to a recorded transaction that
 *   is not terminal (an obligation the service will still discharge); a
 *   terminal transaction with money in flight has lost it.
 * - SeatsRespected, MinimumRespected: no fund admits more investors than its
 *   seats, and no remittance below its fund's minimum is kept.
 * - ExactlyOncePerKey: one transaction per client key.
 * - StateMatchesBooks: a COMPLETE transaction's amount reached its fund
 *   once; a FAILED one's did not; nothing moved under a REJECTED one.
 * - NotifiedAtMostOnce: no party notified twice of one transaction.
 * - NotifiedTruthfully: a "completed" notification only for a COMPLETE
 *   transaction whose money reached the fund, "failed" only for a FAILED one.
 */
import { TERMINAL_STATES } from '../../impl/fund-investment/schema.ts';
import type { Row } from '../../impl/ports/sql.ts';
import type { Finding } from '../kit/world-run.ts';
import { inFlightMinor, type Books, type FundTruth } from './ground-truth.ts';

export function checkFundStep(truth: FundTruth): Finding | null {
  const b = truth.books();
  return checkMoney(truth, b) ?? checkFunds(truth, b) ?? checkRows(b) ?? checkNotifications(b);
}

function checkMoney(truth: FundTruth, b: Books): Finding | null {
  let inFlight = 0;
  for (const [tx, m] of b.movements) {
    if (m.remittances > 1) return { invariant: 'RemittedAtMostOnce', message: `transaction ${tx} reached its fund ${m.remittances} times (${m.remittedMinor} remitted)` };
    if (m.refundedMinor > m.withdrawnMinor) return { invariant: 'NoRefundWithoutWithdrawal', message: `transaction ${tx} refunded ${m.refundedMinor} but withdrew ${m.withdrawnMinor}` };
    const held = inFlightMinor(m);
    if (held < 0) return { invariant: 'MoneyConserved', message: `money created: transaction ${tx} withdrew ${m.withdrawnMinor} but refunded ${m.refundedMinor} and remitted ${m.remittedMinor}` };
    inFlight += held;
    if (held > 0) {
      const row = b.byId.get(tx);
      if (row === undefined || TERMINAL_STATES.has(row.state as string)) {
        const where = row === undefined ? 'no transaction of that id is recorded' : `the transaction is ${row.state as string}`;
        return { invariant: 'NoOrphanedMoney', message: `${held} of transaction ${tx} left the investor and is neither in the fund nor refunded, and ${where} (withdrew ${m.withdrawnMinor}, refunded ${m.refundedMinor}, remitted ${m.remittedMinor})` };
      }
    }
  }
  const total = b.investorsTotalMinor + b.fundsTotalMinor + inFlight;
  const expected = truth.initialTotalMinor + b.toppedUpMinor;
  if (total !== expected) {
    return { invariant: 'MoneyConserved', message: `investors ${b.investorsTotalMinor} + funds ${b.fundsTotalMinor} + in flight ${inFlight} = ${total}, expected ${expected} (initial ${truth.initialTotalMinor} + top-ups ${b.toppedUpMinor})` };
  }
  return null;
}

function checkFunds(truth: FundTruth, b: Books): Finding | null {
  for (const f of truth.funds.funds.values()) {
    if (f.admitted.size > f.spec.seats) return { invariant: 'SeatsRespected', message: `${f.spec.id} admitted ${f.admitted.size} investors (${[...f.admitted].join(', ')}) for ${f.spec.seats} seat(s)` };
  }
  for (const [tx, l] of truth.funds.ledger) {
    const row = b.byId.get(tx);
    const spec = row === undefined ? undefined : truth.funds.funds.get(row.fund as string)?.spec;
    if (spec !== undefined && l.remittances > 0 && l.remittedMinor / l.remittances < spec.minimumMinor) {
      return { invariant: 'MinimumRespected', message: `transaction ${tx} put ${l.remittedMinor} into ${spec.id}, whose minimum is ${spec.minimumMinor}` };
    }
  }
  return null;
}

function checkRows(b: Books): Finding | null {
  const keys = new Map<string, Row[]>();
  for (const t of b.transactions) keys.set(t.requestKey as string, [...(keys.get(t.requestKey as string) ?? []), t]);
  for (const [key, rows] of keys) {
    if (rows.length > 1) return { invariant: 'ExactlyOncePerKey', message: `request ${key} made ${rows.length} transactions (${rows.map((r) => r.id as string).join(', ')})` };
  }
  for (const t of b.transactions) {
    const remitted = b.movements.get(t.id as string)?.remittedMinor ?? 0;
    if (t.state === 'COMPLETE' && remitted !== t.amount) return { invariant: 'StateMatchesBooks', message: `transaction ${t.id as string} is COMPLETE but its fund received ${remitted} of ${t.amount as number}` };
    if (t.state === 'FAILED' && remitted !== 0) return { invariant: 'StateMatchesBooks', message: `transaction ${t.id as string} is FAILED but its fund received ${remitted}` };
    const withdrawn = b.movements.get(t.id as string)?.withdrawnMinor ?? 0;
    if (t.state === 'REJECTED' && withdrawn + remitted !== 0) return { invariant: 'StateMatchesBooks', message: `request ${t.id as string} is recorded REJECTED but ${withdrawn} was withdrawn and ${remitted} remitted under it` };
  }
  return null;
}

function checkNotifications(b: Books): Finding | null {
  for (const [key, list] of b.notified) {
    const [tx, party] = key.split('|') as [string, string];
    if (list.length > 1) return { invariant: 'NotifiedAtMostOnce', message: `${party} was notified ${list.length} times of transaction ${tx} (${list.map((n) => `${n.status} as ${n.messageId}`).join(', ')})` };
    const n = list[0]!;
    const row = b.byId.get(tx);
    const remitted = b.movements.get(tx)?.remittedMinor ?? 0;
    const complete = row?.state === 'COMPLETE' && remitted > 0;
    const failed = row?.state === 'FAILED' && remitted === 0;
    if ((n.status === 'completed' && !complete) || (n.status === 'failed' && !failed)) {
      return { invariant: 'NotifiedTruthfully', message: `${party} was notified that transaction ${tx} ${n.status}, but it is ${(row?.state as string | undefined) ?? 'not recorded'} and its fund received ${remitted}` };
    }
  }
  return null;
}
