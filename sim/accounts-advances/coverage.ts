/**
 * What an accounts-advances run exercised: the faults that fired, and the
 * "sometimes" probes a sweep is expected to hit (a payment carried forward,
 * a payment added after the last, a lease taken over from a worker, a
 * report paged while transactions committed, two transfers racing on one
 * account, an advance repaid in full).
 */
import type { AdvancesParts } from './world.ts';

export const ACCOUNTS_ADVANCES_PROBES = ['payment-carried', 'payment-after-last', 'lease-taken-over', 'report-during-commits', 'racing-transfers', 'advance-repaid'] as const;

export function advancesCoverage(p: AdvancesParts): { faultsFired: Record<string, number>; probes: Record<string, number> } {
  const crashes = p.crashable().reduce((s, proc) => s + proc.crashes, 0);
  const dbs = [p.accountsDb.counts, p.advancesDb.counts];
  const total = (f: (c: (typeof dbs)[number]) => number): number => dbs.reduce((s, c) => s + f(c), 0);
  const b = p.truth.books();
  const faultsFired: Record<string, number> = {
    'crash': crashes,
    'db.restart': total((c) => c.restarts),
    'db.slow': total((c) => c.slow),
    'db.connectionDrop': total((c) => c.connectionDrops),
    'db.lostCommitReply': total((c) => c.lostCommitReplies),
    'net.loss': p.net.counts.lost,
    'net.duplicate': p.net.counts.duplicated,
    'net.partitioned': p.net.counts.partitioned,
    'reply.lost': p.counts.lostReplies,
    'queue.duplicate': p.broker.counts.duplicated,
    'queue.lostAck': p.broker.counts.lostAcks,
    'queue.reorder': p.broker.counts.reordered,
    'worker.pause': p.pauses.counts.pauses,
    'funds.short': b.transactions.filter((t) => t.kind === 'bank' && t.direction === 'debit' && t.status === 'fail').length,
    'client.badAmount': p.client.requests.filter((r) => r.kind === 'transfer' && !(Number.isSafeInteger(r.plan.amountMinor) && r.plan.amountMinor > 0)).length,
  };
  const starts = new Map<string, number>();
  for (const r of p.client.requests) if (r.kind === 'transfer') starts.set(`${r.plan.src}@${r.plan.atMs}`, (starts.get(`${r.plan.src}@${r.plan.atMs}`) ?? 0) + 1);
  const probes: Record<string, number> = {
    'payment-carried': b.payments.filter((x) => x.state === 'FAILED').length,
    'payment-after-last': b.payments.filter((x) => (x.week as number) > 12).length,
    'lease-taken-over': b.payments.filter((x) => (x.fence as number) > 1).length,
    'report-during-commits': p.client.passes.filter((x) => x.doneMs !== null && [...p.truth.committedAtMs.values()].some((at) => at > x.startedMs && at < x.doneMs!)).length,
    'racing-transfers': [...starts.values()].filter((n) => n > 1).length,
    'advance-repaid': p.client.requests.filter((r) => r.kind === 'advance' && r.answer?.status === 'granted').length > 0 && b.payments.length > 0 && b.payments.every((x) => x.state !== 'DUE' && x.state !== 'PROCESSING') ? 1 : 0,
  };
  return { faultsFired, probes };
}
