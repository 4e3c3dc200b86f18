/**
 * Sharded-transfer's built-in scenarios: each a configuration built from the
 * calm world plus the one fault it is about, a seed, and the outcome each
 * built-in design must give. `moneysim scenarios sharded-transfer` runs them
 * and fails if any outcome differs.
 */
import type { IsolationLevel } from '../../impl/ports/sql.ts';
import { editedWorld, fails, OK, type ScenarioEntry } from '../kit/scenario-entry.ts';
import { calmShardedConfig, type ShardedConfig } from './config.ts';

export type ShardedScenario = ScenarioEntry<ShardedConfig>;


/** The calm world with an edit applied. */
const world = editedWorld(calmShardedConfig);

const CROSS = { atMs: 0, key: 'k1', from: 'acct-1', to: 'acct-3', amountMinor: 100 };
const WITHDRAWAL = { atMs: 0, key: 'w1', from: 'acct-1', to: 'payee-1', amountMinor: 100 };

/** Two transfers start together from acct-1, which holds enough for one, with every latency equal. */
function racingDonor(c: ShardedConfig, isolation: IsolationLevel): void {
  c.isolation = isolation;
  c.accounts = c.accounts.map((a) => (a.id === 'acct-1' ? { ...a, balanceMinor: 100 } : a));
  c.network = { ...c.network, latencyMsMin: 2, latencyMsMax: 2 };
  c.workload = [CROSS, { atMs: 0, key: 'k2', from: 'acct-1', to: 'acct-2', amountMinor: 100 }];
}

const SCENARIOS: readonly ShardedScenario[] = [
  {
    name: 'happy-path',
    description: 'a transfer within one node, one across nodes and a withdrawal, no faults',
    seed: 1,
    config: world((c) => {
      c.workload = [
        { atMs: 0, key: 'k1', from: 'acct-1', to: 'acct-2', amountMinor: 100 },
        { atMs: 0, key: 'k2', from: 'acct-3', to: 'acct-5', amountMinor: 200 },
        { atMs: 0, key: 'k3', from: 'acct-6', to: 'payee-1', amountMinor: 300 },
      ];
    }),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'crash-between-block-and-stage-1',
    description: "the donor's node crashes right after committing the block of a cross-node transfer, before the receiver's node credits",
    seed: 1,
    config: world((c) => {
      c.workload = [CROSS];
      c.crashes = [{ on: { phase: 'reply', method: 'execute', nth: 5, when: 'after' }, restartAfterMs: 1000, process: 'node-1' }];
    }),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'crash-between-stage-1-and-stage-2',
    description: "the donor's node is down from just after the block until after the receiver's node credited; stage 2 must still happen",
    seed: 1,
    config: world((c) => {
      c.workload = [CROSS];
      c.crashes = [{ atMs: 120, restartAfterMs: 2000, process: 'node-1' }];
    }),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'stub-restarts-while-processing',
    description: "the seed's gray area: the withdrawal service restarts while a payout is processing and forgets it; the payout did reach the payee",
    seed: 1,
    config: world((c) => {
      c.workload = [WITHDRAWAL];
      c.stub = { ...c.stub, completionMsMin: 400, completionMsMax: 400, paidDespiteRestartProbability: 1 };
      c.crashes = [{ atMs: 300, restartAfterMs: 50, process: 'stub' }];
    }),
    expect: { reference: OK, naive: fails('MoneyConserved') },
  },
  {
    name: 'stub-forgets-then-node-restarts',
    description: 'the donor node crashes after submitting a withdrawal and the stub restarts: a node that resubmits from memory pays twice',
    seed: 1,
    config: world((c) => {
      c.workload = [WITHDRAWAL];
      c.stub = { ...c.stub, completionMsMin: 100, completionMsMax: 100 };
      c.crashes = [
        { on: { phase: 'reply', method: 'submit', nth: 1 }, restartAfterMs: 600, process: 'node-1' },
        { atMs: 400, restartAfterMs: 10, process: 'stub' },
      ];
    }),
    expect: { reference: OK, naive: fails('PaidAtMostOnce') },
  },
  {
    name: 'duplicate-stage-delivery',
    description: "slow statements make a node's polling rounds overlap, so a stage is picked up twice",
    seed: 1,
    config: world((c) => {
      c.workload = [CROSS, { atMs: 0, key: 'k2', from: 'acct-2', to: 'acct-4', amountMinor: 100 }];
      c.db = { ...c.db, slowStatementProbability: 1, slowStatementMsMax: 150 };
      c.faultPhaseMs = 3000;
    }),
    expect: { reference: OK, naive: fails('MoneyConserved') },
  },
  {
    name: 'node-down-for-a-minute',
    description: 'node-3 is down for a minute; transfers between accounts of node-1 and node-2 complete meanwhile, the one to node-3 after it returns',
    seed: 1,
    config: world((c) => {
      c.availabilityBoundMs = 2000;
      c.crashes = [{ atMs: 1, restartAfterMs: 60_000, process: 'node-3' }];
      c.workload = [
        { atMs: 100, key: 'k1', from: 'acct-1', to: 'acct-3', amountMinor: 100 },
        { atMs: 100, key: 'k2', from: 'acct-4', to: 'acct-2', amountMinor: 100 },
        { atMs: 100, key: 'k3', from: 'acct-2', to: 'acct-5', amountMinor: 100 },
      ];
    }),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'misrouted-request',
    description: "every request first reaches a node that does not own the donor",
    seed: 1,
    config: world((c) => {
      c.router = { misrouteProbability: 1 };
      c.workload = [CROSS, { atMs: 0, key: 'k2', from: 'acct-5', to: 'acct-2', amountMinor: 100 }];
    }),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'racing-donor-read-committed',
    description: 'two transfers race on one donor whose balance covers one of them, at read committed',
    seed: 1,
    config: world((c) => racingDonor(c, 'read-committed')),
    expect: { reference: OK, naive: fails('BlocksMatchTransfers') },
  },
  {
    name: 'racing-donor-serializable',
    description: 'the same race at serializable: the second block is refused with a serialization failure and retried',
    seed: 1,
    config: world((c) => racingDonor(c, 'serializable')),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'commit-replies-lost',
    description: "every COMMIT's reply is lost for a second (scope 1's and scope 2's): the client retries with the same key",
    seed: 1,
    config: world((c) => {
      c.db = { ...c.db, lostCommitReplyProbability: 1 };
      c.faultPhaseMs = 1000;
      c.workload = [CROSS];
    }),
    expect: { reference: OK, naive: fails('ExactlyOncePerKey') },
  },
  {
    name: 'partition-node-and-database',
    description: "the receiver's node cannot reach the database for three seconds while a transfer waits for its credit",
    seed: 1,
    config: world((c) => {
      c.partitions = [{ between: ['node-2', 'db'], fromMs: 0, toMs: 3000 }];
      c.workload = [CROSS];
    }),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'completion-after-node-restart',
    description: 'a withdrawal completes while its node is down; the restarted node must settle it, not lose it',
    seed: 1,
    config: world((c) => {
      c.workload = [WITHDRAWAL];
      c.stub = { ...c.stub, completionMsMin: 200, completionMsMax: 200 };
      c.crashes = [{ on: { phase: 'reply', method: 'submit', nth: 1, when: 'after' }, restartAfterMs: 1000, process: 'node-1' }];
    }),
    expect: { reference: OK, naive: OK },
  },
];

export function shardedScenarios(): readonly ShardedScenario[] {
  return SCENARIOS;
}

export function findShardedScenario(name: string): ShardedScenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
