/**
 * The bank-transfer world that exhaustive exploration enumerates.
 *
 * Every fault the simulator can decide per message or per event is switched
 * on with a small positive probability, so that each place where a fault
 * could strike becomes a `fault` choice point the explorer can answer either
 * way: a lost request or reply, a duplicated request, a request held back in
 * the network (arriving just after its caller's timeout, or a second later,
 * after status queries, expiries and later requests), the institution
 * refusing one request as unavailable (downtime for one request), failing
 * before or after applying, or losing its reply, the ledger
 * rejecting, rate limiting or losing its reply, and a coordinator crash
 * before any event it handles. The explorer, not these probabilities, bounds
 * how many fire.
 *
 * Faults tied to windows of time (partitions, downtime) and slow replies are
 * left out as such: to a caller a partition or a reply later than its
 * timeout looks like a run of losses, downtime like a run of refusals, both
 * enumerated one message at a time, and a late reply to a caller still
 * waiting changes no outcome. Latencies of messages that are not held
 * back take their minimum.
 *
 * The workload is `transfers` presses of the button, grouped into users of
 * two presses each (the second only after a FAILED answer, as in seed 003)
 * and a last user pressing once when the count is odd. At an idempotent
 * institution each user's account holds exactly one transfer's amount and
 * balances may go negative: a correct coordinator never moves more than a
 * user has, one that lets the user press again while money is still out
 * overdraws. At a non-idempotent institution a duplicated cash-out applies
 * twice by itself, so there the institution refuses overdrafts and each
 * account holds two transfers' worth, enough for one surplus application
 * that the coordinator must reconcile. Users start a few milliseconds apart
 * so that their flows interleave without running in lockstep.
 */
import { calmConfig } from './default-config.ts';
import type { BankTransferConfig } from './world-config.ts';

/** Probability given to every enumerated fault; any positive value makes it a choice point. */
const FAULT_POINT_PROBABILITY = 0.01;
/** Each user's balance and transfer amount, in minor units. */
export const EXHAUSTIVE_AMOUNT_MINOR = 500;
/** Gap between two users' first presses. */
const USER_STAGGER_MS = 5;
/** Faults may strike until this instant; the slowest naive reversal fires at about 1.5 s. */
const FAULT_PHASE_MS = 2000;

export interface ExhaustiveWorldOptions {
  /** Number of presses in the workload (at least 1). */
  transfers: number;
  externalMode: 'idempotent' | 'non-idempotent';
}

export function exhaustiveConfig(options: ExhaustiveWorldOptions): BankTransferConfig {
  const p = FAULT_POINT_PROBABILITY;
  const c = calmConfig();
  const idempotent = options.externalMode === 'idempotent';
  c.network = { ...c.network, lossProbability: p, duplicateProbability: p, lateRequestProbability: p };
  c.external = {
    ...c.external,
    mode: options.externalMode,
    allowNegativeBalance: idempotent,
    unavailableProbability: p,
    errorBeforeProbability: p,
    errorAfterProbability: p,
    lostReplyProbability: p,
  };
  c.ledger = { ...c.ledger, rejectProbability: p, rateLimitProbability: p, lostReplyProbability: p };
  // The explorer's fault budget bounds crashes; the policy itself must not.
  c.crash = { ...c.crash, probability: p, maxCrashes: Number.MAX_SAFE_INTEGER };
  c.faultPhaseMs = FAULT_PHASE_MS;
  c.accounts = [];
  c.workload = [];
  const users = Math.ceil(options.transfers / 2);
  for (let i = 0; i < users; i++) {
    const accountId = `ext-${i + 1}`;
    const pressAgainMax = 2 * (i + 1) <= options.transfers ? 1 : 0;
    c.accounts.push({ accountId, userId: `user-${i + 1}`, balanceMinor: (idempotent ? 1 : 2) * EXHAUSTIVE_AMOUNT_MINOR });
    c.workload.push({ atMs: i * USER_STAGGER_MS, accountId, amountMinor: EXHAUSTIVE_AMOUNT_MINOR, pressAgainMax });
  }
  return c;
}

/** The labels a report shows for this world. */
export function exhaustiveLabel(options: ExhaustiveWorldOptions): string[] {
  const negative = options.externalMode === 'idempotent' ? ['external.allowNegativeBalance'] : [];
  return [`exhaustive world: up to ${options.transfers} transfer(s)`, `external.mode=${options.externalMode}`, ...negative];
}
