/**
 * The sharded-transfer world that exhaustive exploration enumerates: up to
 * four transfers that all start at once from one donor whose balance covers
 * exactly one of them (racing on one donor, a tight balance), going to an
 * account of another node, to a payee, to an account of the same node and
 * to a third node. Every per-event fault is a choice point (a lost or
 * duplicated message, a lost COMMIT reply, a dropped connection, a payout
 * that fails, a crash of a node or of the withdrawal service before any
 * event it handles); the explorer's fault budget, not these probabilities,
 * bounds how many fire. Statements of concurrent transactions are separate
 * events, so their interleavings are schedule choices.
 */
import { calmShardedConfig, type ShardedConfig } from './config.ts';
import type { ShardedOptions } from './options.ts';

const FAULT_POINT_PROBABILITY = 0.01;
export const EXHAUSTIVE_AMOUNT_MINOR = 100;
const TARGETS = ['acct-3', 'payee-1', 'acct-2', 'acct-5'];

export function shardedExhaustiveConfig(options: ShardedOptions): ShardedConfig {
  const p = FAULT_POINT_PROBABILITY;
  const c = calmShardedConfig();
  c.isolation = options.isolation;
  c.stub = { ...c.stub, mode: options.stubMode, completionMsMin: 20, completionMsMax: 20, failProbability: p };
  c.network = { ...c.network, latencyMsMin: 2, latencyMsMax: 2, lossProbability: p, duplicateProbability: p };
  c.db = { ...c.db, lostCommitReplyProbability: p, connectionDropProbability: p };
  c.crash = { ...c.crash, probability: p, maxCrashes: Number.MAX_SAFE_INTEGER, restartDelayMsMin: 100, restartDelayMsMax: 100 };
  // Faults are choice points only while the fault phase lasts; the two racing
  // transfers are blocked, handed over and settled within it.
  c.faultPhaseMs = 400;
  c.accounts = c.accounts.map((a) => ({ ...a, balanceMinor: a.id === 'acct-1' ? EXHAUSTIVE_AMOUNT_MINOR : 0 }));
  c.workload = TARGETS.slice(0, options.transfers).map((to, i) => ({ atMs: 0, key: `k${i + 1}`, from: 'acct-1', to, amountMinor: EXHAUSTIVE_AMOUNT_MINOR }));
  return c;
}

export function shardedExhaustiveLabel(options: ShardedOptions): string[] {
  return [`exhaustive world: ${options.transfers} transfer(s) racing on one donor`, `isolation=${options.isolation}`, `stub=${options.stubMode}`];
}
