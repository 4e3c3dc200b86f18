/**
 * The checks at the end of a healed fund-investment run, once work has
 * drained (every transaction terminal, no notification waiting in an
 * outbox, the queue empty):
 *
 * - RequestsAnswered: every request got a final answer.
 * - HonestAnswers: ACCEPTED names a recorded transaction of that request;
 *   REJECTED leaves no transaction of that request behind (a row that only
 *   records the refusal, state REJECTED, is allowed); a refusal for
 *   want of money is true, i.e. the investor's balance was below the amount
 *   at some moment between the first request and the answer (a stale
 *   cached balance makes it false).
 * - NotifiedExactlyOnce: each party of each transaction (not of a recorded
 *   refusal) got its notification (doubles are caught after every event).
 * - SeatsReleased: no finished transaction still holds a seat reservation.
 *
 * A run that did not drain is judged by the kit's WorkDrains instead.
 */
import type { Finding } from '../kit/world-run.ts';
import type { FundTruth } from './ground-truth.ts';
import type { InvestRecord } from './invest-client.ts';

const PARTIES = ['investor', 'fund'] as const;

export function checkFundEnd(truth: FundTruth, records: readonly InvestRecord[], quiescent: boolean, why: string): Finding | null {
  const unanswered = records.filter((r) => r.answer === null);
  if (unanswered.length > 0) {
    const r = unanswered[0]!;
    return { invariant: 'RequestsAnswered', message: `request ${r.plan.key} (${r.plan.amountMinor} from ${r.plan.investor} into ${r.plan.fund}) was never answered ${why}: ${r.attempts} attempt(s)${unanswered.length > 1 ? `; ${unanswered.length - 1} more unanswered` : ''}` };
  }
  if (!quiescent) return null;
  return checkAnswers(truth, records) ?? checkNotified(truth) ?? checkSeats(truth);
}

function checkAnswers(truth: FundTruth, records: readonly InvestRecord[]): Finding | null {
  const b = truth.books();
  for (const r of records) {
    const { plan, answer } = r;
    const rows = b.transactions.filter((t) => t.requestKey === plan.key && t.state !== 'REJECTED');
    if (answer?.status === 'ACCEPTED' && !rows.some((t) => t.id === answer.transactionId)) {
      return { invariant: 'HonestAnswers', message: `request ${plan.key} was answered ACCEPTED as ${answer.transactionId}, but no such transaction is recorded` };
    }
    if (answer?.status !== 'REJECTED') continue;
    if (rows.length > 0) return { invariant: 'HonestAnswers', message: `request ${plan.key} was answered REJECTED (${answer.reason}) but its transaction ${rows[0]!.id as string} is ${rows[0]!.state as string}` };
    if (answer.reason !== 'INSUFFICIENT_FUNDS') continue;
    const lowest = truth.investors.lowestBalance(plan.investor, r.firstSentAtMs ?? 0, r.answeredAtMs ?? 0);
    if (lowest >= plan.amountMinor) {
      return { invariant: 'HonestAnswers', message: `request ${plan.key} was refused for want of money, but ${plan.investor} held at least ${lowest} (of ${plan.amountMinor} asked) from ${r.firstSentAtMs} ms to the answer at ${r.answeredAtMs} ms` };
    }
  }
  return null;
}

function checkNotified(truth: FundTruth): Finding | null {
  const b = truth.books();
  for (const t of b.transactions) {
    if (t.state === 'REJECTED') continue;
    for (const party of PARTIES) {
      if ((b.notified.get(`${t.id as string}|${party}`) ?? []).length === 0) {
        return { invariant: 'NotifiedExactlyOnce', message: `${party} was never notified of transaction ${t.id as string}, which is ${t.state as string}` };
      }
    }
  }
  return null;
}

function checkSeats(truth: FundTruth): Finding | null {
  const b = truth.books();
  for (const r of truth.funds.liveReservations()) {
    const row = b.byId.get(r.transactionId);
    if (row !== undefined && row.state === 'FAILED') return { invariant: 'SeatsReleased', message: `transaction ${r.transactionId} FAILED but still holds a seat in ${r.fund}` };
  }
  return null;
}
