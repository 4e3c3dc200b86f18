/**
 * What a fund-investment run exercised: the faults that fired and the
 * "sometimes" probes a sweep is expected to hit (a node crash, investors
 * contending for the last seat, a remittance rejected, a refund, a message
 * delivered again, a stale balance served, a notification sent twice under
 * one id, a lost COMMIT reply, a withdrawal applied twice by a
 * non-idempotent service).
 */
import { infraFaultsFired } from '../kit/infra-faults.ts';
import type { FundParts } from './world.ts';

export const FUND_INVESTMENT_PROBES = ['node-crash', 'seat-contention', 'remittance-rejected', 'refund', 'redelivery', 'stale-balance', 'notification-repeat', 'commit-reply-lost', 'withdrawal-applied-twice'] as const;

export function fundCoverage(p: FundParts): { faultsFired: Record<string, number>; probes: Record<string, number> } {
  const nodeCrashes = p.hosts.reduce((s, h) => s + h.proc.crashes, 0);
  const cache = p.cache.counts;
  const queue = p.queue.counts;
  const inv = p.investors.counts;
  const funds = p.funds.counts;
  const sink = p.sink.counts;
  const faultsFired: Record<string, number> = {
    ...infraFaultsFired(p.database, p.net),
    'crash': nodeCrashes,
    'cache.restart': cache.restarts,
    'cache.stale': cache.staleReads,
    'cache.lostInvalidation': cache.lostInvalidations,
    'queue.reorder': queue.reordered,
    'queue.duplicate': queue.duplicated,
    'queue.lostAck': queue.lostAcks,
    'investors.down': inv.down + inv.unavailable,
    'investors.error': inv.errorBefore + inv.errorAfter,
    'investors.lostReply': inv.lostReplies,
    'funds.down': funds.down + funds.unavailable,
    'funds.error': funds.errorBefore + funds.errorAfter,
    'funds.lostReply': funds.lostReplies,
    'funds.refuse': funds.refused,
    'notifications.down': sink.down + sink.unavailable,
    'notifications.lostReply': sink.lostReplies,
  };
  const probes: Record<string, number> = {
    'node-crash': nodeCrashes,
    'seat-contention': funds.reserveFull + funds.rejectedFull,
    'remittance-rejected': funds.rejectedFull + funds.refused + funds.rejectedBelowMinimum,
    'refund': inv.refunds,
    'redelivery': queue.redelivered + queue.duplicated,
    'stale-balance': cache.staleReads + cache.lostInvalidations,
    'notification-repeat': sink.repeats,
    'commit-reply-lost': p.database.counts.lostCommitReplies,
    'withdrawal-applied-twice': inv.appliedAgain,
  };
  return { faultsFired, probes };
}
