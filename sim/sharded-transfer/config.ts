/**
 * Everything that shapes one sharded-transfer run besides the design and the
 * choice source: the nodes and their account ranges, the accounts and
 * payees, the database's isolation level and faults, the withdrawal
 * service's mode and faults, network, crash and routing faults, and the
 * workload. A scenario, the swarm draw or the exhaustive world produces one.
 */
import type { IsolationLevel } from '../../impl/ports/sql.ts';
import type { CrashOptions, PartitionWindow, ScriptedCrash } from '../kit/fault-options.ts';
import type { NodeRange, RouterOptions } from '../kit/router.ts';
import { calmNetwork, type NetworkOptions } from '../net/network-options.ts';
import type { SqlServiceOptions } from '../storage/sql/sql-service.ts';
import type { StubOptions } from './withdrawal-stub.ts';

export interface ShardedTransferPlan {
  atMs: number;
  /** The client's key; unique per plan. */
  key: string;
  from: string;
  to: string;
  amountMinor: number;
}

export interface ShardedClientOptions {
  /** The client gives up waiting for one answer after this, then retries with the same key. */
  timeoutMs: number;
  /** First retry delay; it doubles up to `retryDelayMsMax`. */
  retryDelayMs: number;
  retryDelayMsMax: number;
}

export interface ShardedConfig {
  nodes: NodeRange[];
  accounts: Array<{ id: string; balanceMinor: number }>;
  payees: string[];
  isolation: IsolationLevel;
  network: NetworkOptions;
  db: SqlServiceOptions;
  stub: StubOptions;
  router: RouterOptions;
  crash: CrashOptions;
  crashes: ScriptedCrash[];
  partitions: PartitionWindow[];
  faultPhaseMs: number;
  livenessPhaseMsMax: number;
  workload: ShardedTransferPlan[];
  client: ShardedClientOptions;
  /**
   * The availability the seed promises, checked when set: a transfer whose
   * nodes never crashed reaches a terminal state within this long of its
   * acceptance, whatever other nodes are down.
   */
  availabilityBoundMs: number | null;
}

/** Three nodes, two accounts each, two payees, no faults, an empty workload. */
export function calmShardedConfig(): ShardedConfig {
  return {
    nodes: [
      { node: 'node-1', first: 'acct-1', last: 'acct-2' },
      { node: 'node-2', first: 'acct-3', last: 'acct-4' },
      { node: 'node-3', first: 'acct-5', last: 'acct-6' },
    ],
    accounts: [1, 2, 3, 4, 5, 6].map((n) => ({ id: `acct-${n}`, balanceMinor: 1000 })),
    payees: ['payee-1', 'payee-2'],
    isolation: 'read-committed',
    network: { ...calmNetwork },
    db: { lockTimeoutMs: 2000, idleInTransactionTimeoutMs: 5000 },
    stub: { mode: 'stateless', completionMsMin: 20, completionMsMax: 200, failProbability: 0, paidDespiteRestartProbability: 0.5 },
    router: { misrouteProbability: 0 },
    crash: { probability: 0, maxCrashes: 0, restartDelayMsMin: 50, restartDelayMsMax: 2000 },
    crashes: [],
    partitions: [],
    faultPhaseMs: 10_000,
    livenessPhaseMsMax: 120_000,
    workload: [],
    client: { timeoutMs: 1000, retryDelayMs: 100, retryDelayMsMax: 5000 },
    availabilityBoundMs: null,
  };
}
