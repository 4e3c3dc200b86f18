/**
 * The swarm fault kinds of the infrastructure every system shares, the
 * simulated SQL database and the network: what each kind means for their
 * options at a drawn rate, and what fired in a run. A system lists these
 * kinds among its own and hands them here, so that two systems that use a
 * database mean the same thing by `db.slow`.
 */
import type { NetworkOptions } from '../net/network-options.ts';
import type { Network } from '../net/network.ts';
import type { SqlService, SqlServiceOptions } from '../storage/sql/sql-service.ts';

export const DB_FAULT_KINDS = ['db.slow', 'db.connectionDrop', 'db.lostCommitReply'] as const;
export const NET_FAULT_KINDS = ['net.loss', 'net.duplicate', 'net.late'] as const;

export type DbFaultKind = (typeof DB_FAULT_KINDS)[number];
export type NetFaultKind = (typeof NET_FAULT_KINDS)[number];

/** The database's options with `kind` switched on at `rate` (per statement; connection drops at a fifth of it). */
export function withDbFault(db: SqlServiceOptions, kind: DbFaultKind, rate: number): SqlServiceOptions {
  switch (kind) {
    case 'db.slow':
      return { ...db, slowStatementProbability: rate, slowStatementMsMax: 200 };
    case 'db.connectionDrop':
      return { ...db, connectionDropProbability: rate / 5 };
    case 'db.lostCommitReply':
      return { ...db, lostCommitReplyProbability: rate };
  }
}

/** The network's options with `kind` switched on at `rate` (per message; losses and late requests at a fifth of it). */
export function withNetFault(net: NetworkOptions, kind: NetFaultKind, rate: number): NetworkOptions {
  switch (kind) {
    case 'net.loss':
      return { ...net, lossProbability: rate / 5 };
    case 'net.duplicate':
      return { ...net, duplicateProbability: rate, duplicateDelayMsMax: 200 };
    case 'net.late':
      return { ...net, lateRequestProbability: rate / 5 };
  }
}

export function isDbFaultKind(kind: string): kind is DbFaultKind {
  return (DB_FAULT_KINDS as readonly string[]).includes(kind);
}

export function isNetFaultKind(kind: string): kind is NetFaultKind {
  return (NET_FAULT_KINDS as readonly string[]).includes(kind);
}

/** How often the database's and the network's faults fired in a run, under their kinds' names. */
export function infraFaultsFired(database: SqlService, net: Network): Record<string, number> {
  const db = database.counts;
  return {
    'db.restart': db.restarts,
    'db.slow': db.slow,
    'db.connectionDrop': db.connectionDrops,
    'db.lostCommitReply': db.lostCommitReplies,
    'net.loss': net.counts.lost,
    'net.duplicate': net.counts.duplicated,
    'net.late': net.counts.lateRequests,
    'net.partitioned': net.counts.partitioned,
  };
}
