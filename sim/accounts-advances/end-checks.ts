/**
 * The checks at the end of a healed accounts-advances run:
 * - RequestsAnswered: every transfer and advance request got a final
 *   answer, and every report pass reached its last page.
 * - HonestAnswers: a transfer answered success has its successful row, one
 *   answered fail or invalid moved no money; a granted advance exists and
 *   was credited; a report was not refused.
 * - AdvanceRepaid: every due payment is paid or carried forward, each paid
 *   payment was collected exactly once, and every granted advance was
 *   collected back in full (the workload always lets funds allow it in the
 *   end).
 * What is still open when the run ends is listed by `openWork` (the kit's
 * WorkDrains names it).
 */
import { REPORT_WINDOW_MS, SETTLED_STATES } from '../../impl/accounts-advances/schema.ts';
import { exactDifference } from '../kit/exact-sum.ts';
import type { Finding } from '../kit/world-run.ts';
import type { AdvancesClient, ReportPass, RequestRecord } from './advances-client.ts';
import type { AdvancesTruth } from './ground-truth.ts';

export function checkAdvancesEnd(truth: AdvancesTruth, client: AdvancesClient, why: string): Finding | null {
  const unanswered = client.requests.filter((r) => r.answer === null);
  if (unanswered.length > 0) {
    const r = unanswered[0]!;
    return { invariant: 'RequestsAnswered', message: `${r.kind} request ${r.plan.key} was never answered ${why}: ${r.attempts} attempt(s)${unanswered.length > 1 ? `; ${unanswered.length - 1} more unanswered` : ''}` };
  }
  const unfinished = client.passes.find((p) => !p.done);
  if (unfinished !== undefined) return { invariant: 'RequestsAnswered', message: `the report started at ${unfinished.startedMs} ms never reached its last page ${why} (${unfinished.pages} page(s) read)` };
  return honest(truth, client.requests) ?? refusedReport(client) ?? repaid(truth);
}

function honest(truth: AdvancesTruth, requests: readonly RequestRecord[]): Finding | null {
  const b = truth.books();
  for (const r of requests) {
    if (r.kind === 'transfer') {
      const moved = b.transactions.some((t) => t.kind === 'transfer' && t.requestKey === r.plan.key && t.status === 'success');
      const status = r.answer?.status;
      if (status === 'success' && !moved) return { invariant: 'HonestAnswers', message: `transfer ${r.plan.key} was answered success but no successful transaction is recorded for it` };
      if ((status === 'fail' || status === 'invalid') && moved) return { invariant: 'HonestAnswers', message: `transfer ${r.plan.key} was answered ${status} but it moved money` };
    } else if (r.answer?.status === 'granted') {
      const id = r.answer.advanceId;
      const credited = b.transactions.some((t) => t.kind === 'bank' && t.direction === 'credit' && t.status === 'success' && t.advanceId === id);
      if (!credited) return { invariant: 'HonestAnswers', message: `advance ${r.plan.key} was answered granted (${id}) but its account was never credited` };
    }
  }
  return null;
}

/**
 * A report refused for no reason the request gave. A request whose window
 * start had fallen out of the last 5 days by the time it could be served
 * (the manager was down while the client retried) is refused honestly.
 */
function refusedReport(client: AdvancesClient): Finding | null {
  const stale = (p: ReportPass): boolean => p.doneMs !== null && p.doneMs - p.fromMs > REPORT_WINDOW_MS;
  const refused = client.passes.find((p) => p.refused !== null && !stale(p));
  return refused === undefined ? null : { invariant: 'HonestAnswers', message: `the report started at ${refused.startedMs} ms was refused: ${refused.refused!}` };
}

function repaid(truth: AdvancesTruth): Finding | null {
  const b = truth.books();
  for (const p of b.payments) {
    if (!SETTLED_STATES.has(p.state as string)) return { invariant: 'AdvanceRepaid', message: `payment ${p.id as string} (${String(p.amount)}, due at ${p.dueAtMs as number} ms) is still ${p.state as string}` };
    const n = b.collections.get(p.id as string)?.length ?? 0;
    if (p.state === 'PAID' && n !== 1) return { invariant: 'AdvanceRepaid', message: `payment ${p.id as string} is PAID but was collected ${n} time(s)` };
  }
  for (const a of b.advances) {
    const bank = b.transactions.filter((t) => t.kind === 'bank' && t.status === 'success' && t.advanceId === a.id);
    if (!bank.some((t) => t.direction === 'credit')) continue;
    const collected = bank.filter((t) => t.direction === 'debit').map((t) => t.amount as number);
    const diff = exactDifference(collected, a.amount as number);
    if (diff !== null) return { invariant: 'AdvanceRepaid', message: `advance ${a.id as string} of ${String(a.amount)} was granted but ${String(collected.reduce((s, x) => s + x, 0))} was collected back` };
  }
  return null;
}

/** Work not yet done: grants unconfirmed, payments not settled (of advances not refused). */
export function openWork(truth: AdvancesTruth): string[] {
  const b = truth.books();
  const refused = new Set(b.advances.filter((a) => a.state === 'REFUSED').map((a) => a.id as string));
  const open = b.advances.filter((a) => a.state === 'GRANTING').map((a) => `${a.id as string} GRANTING`);
  for (const p of b.payments) if (!SETTLED_STATES.has(p.state as string) && !refused.has(p.advanceId as string)) open.push(`${p.id as string} ${p.state as string}`);
  return open;
}
