/**
 * What a sharded-transfer run exercised: the faults that fired and the
 * "sometimes" probes a sweep is expected to hit (two transfers racing on
 * one donor, a stage done by a node that restarted, a withdrawal the service
 * forgot, a misrouted request, a reconciliation item).
 */
import type { ShardedParts } from './world.ts';

export const SHARDED_TRANSFER_PROBES = ['node-crash', 'stub-restart', 'misrouted', 'racing-donor', 'commit-reply-lost', 'withdrawal-paid'] as const;

export function shardedCoverage(p: ShardedParts): { faultsFired: Record<string, number>; probes: Record<string, number> } {
  const nodeCrashes = p.hosts.reduce((s, h) => s + h.proc.crashes, 0);
  const db = p.database.counts;
  const faultsFired: Record<string, number> = {
    'crash': nodeCrashes,
    'stub.restart': p.stub.counts.restarts,
    'db.restart': db.restarts,
    'db.slow': db.slow,
    'db.connectionDrop': db.connectionDrops,
    'db.lostCommitReply': db.lostCommitReplies,
    'net.loss': p.net.counts.lost,
    'net.duplicate': p.net.counts.duplicated,
    'net.partitioned': p.net.counts.partitioned,
    'router.misroute': p.router.misrouted,
  };
  const starts = new Map<string, number>();
  for (const r of p.client.records) starts.set(`${r.plan.from}@${r.plan.atMs}`, (starts.get(`${r.plan.from}@${r.plan.atMs}`) ?? 0) + 1);
  const probes: Record<string, number> = {
    'node-crash': nodeCrashes,
    'stub-restart': p.stub.counts.restarts,
    'misrouted': p.client.records.reduce((s, r) => s + r.notOwner, 0) + p.router.misrouted,
    'racing-donor': [...starts.values()].filter((n) => n > 1).length,
    'commit-reply-lost': db.lostCommitReplies,
    'withdrawal-paid': p.stub.paid.length,
  };
  return { faultsFired, probes };
}
