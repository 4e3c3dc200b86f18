/**
 * Everything that shapes one fund-investment run besides the design and the
 * choice source: the transaction service's nodes, the investors and funds,
 * the database's isolation level and faults, the balance cache, the queue,
 * the investor, fund and notification services with their faults (random
 * and forced on given calls), crashes, partitions, the workload of
 * investments and the top-ups that bring outside money into investors'
 * accounts. A scenario, the swarm draw or the exhaustive world produces one.
 */
import type { IsolationLevel } from '../../impl/ports/sql.ts';
import type { ForcedCallFault } from '../fakes/fault-script.ts';
import type { CrashOptions, PartitionWindow, ScriptedCrash } from '../kit/fault-options.ts';
import { calmCalls, type CallFaultOptions } from '../kit/faulty-call.ts';
import { calmQueue, type QueueOptions } from '../kit/sim-queue.ts';
import { calmCache, type CacheOptions } from '../kit/stale-cache.ts';
import { calmNetwork, type NetworkOptions } from '../net/network-options.ts';
import type { SqlServiceOptions } from '../storage/sql/sql-service.ts';
import type { FundServiceOptions, FundSpec } from './fund-service.ts';
import type { InvestorServiceOptions, TopUp } from './investor-service.ts';

export interface InvestmentPlan {
  atMs: number;
  /** The client's key; unique per plan. */
  key: string;
  investor: string;
  fund: string;
  amountMinor: number;
}

export interface InvestClientOptions {
  /** The client gives up waiting for one answer after this, then retries with the same key (at the next node). */
  timeoutMs: number;
  /** First retry delay; it doubles up to `retryDelayMsMax`. */
  retryDelayMs: number;
  retryDelayMsMax: number;
}

export interface FundConfig {
  /** The transaction service's nodes, each serving the API and running a worker. */
  nodes: string[];
  investors: Array<{ id: string; balanceMinor: number }>;
  funds: FundSpec[];
  isolation: IsolationLevel;
  network: NetworkOptions;
  db: SqlServiceOptions;
  cache: CacheOptions;
  queue: QueueOptions;
  investorService: InvestorServiceOptions;
  fundService: FundServiceOptions;
  notifications: CallFaultOptions;
  /** Faults forced on given calls to the investor, fund and notification services. */
  forced: ForcedCallFault[];
  crash: CrashOptions;
  crashes: ScriptedCrash[];
  partitions: PartitionWindow[];
  faultPhaseMs: number;
  livenessPhaseMsMax: number;
  workload: InvestmentPlan[];
  topUps: TopUp[];
  client: InvestClientOptions;
}

/** Two nodes, four investors with 1000 each, two funds, no faults, an empty workload. */
export function calmFundConfig(): FundConfig {
  return {
    nodes: ['svc-1', 'svc-2'],
    investors: [1, 2, 3, 4].map((n) => ({ id: `inv-${n}`, balanceMinor: 1000 })),
    funds: [
      { id: 'fund-1', minimumMinor: 100, seats: 2 },
      { id: 'fund-2', minimumMinor: 250, seats: 3 },
    ],
    isolation: 'read-committed',
    network: { ...calmNetwork },
    db: { lockTimeoutMs: 2000, idleInTransactionTimeoutMs: 5000 },
    cache: { ...calmCache },
    queue: { ...calmQueue },
    investorService: { ...calmCalls, downWindows: [], mode: 'idempotent' },
    fundService: { ...calmCalls, downWindows: [], reservationTtlMs: 30_000, refuseProbability: 0 },
    notifications: { ...calmCalls, downWindows: [] },
    forced: [],
    crash: { probability: 0, maxCrashes: 0, restartDelayMsMin: 50, restartDelayMsMax: 2000 },
    crashes: [],
    partitions: [],
    faultPhaseMs: 10_000,
    livenessPhaseMsMax: 120_000,
    workload: [],
    topUps: [],
    client: { timeoutMs: 1000, retryDelayMs: 100, retryDelayMsMax: 5000 },
  };
}
