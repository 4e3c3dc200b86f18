/**
 * The fund-investment world that exhaustive exploration enumerates: a fund
 * with one seat left and a minimum of 100, two investors who both invest
 * exactly the minimum at the same instant (racing for the last seat), and,
 * with `investments=3`, the first investor investing again at that instant
 * (racing themself). Every per-event fault is a choice point (a lost or
 * duplicated message, a lost COMMIT reply, a dropped connection, a queue
 * message delivered twice or acknowledged in vain, a lost reply from a
 * service, a remittance refused, a crash of a node before any event it
 * handles); the explorer's fault budget, not these probabilities, bounds how
 * many fire. Statements of concurrent transactions are separate events, so
 * their interleavings are schedule choices.
 */
import { calmFundConfig, type FundConfig } from './config.ts';
import type { FundOptions } from './options.ts';

const FAULT_POINT_PROBABILITY = 0.01;
export const EXHAUSTIVE_AMOUNT_MINOR = 100;

export function fundExhaustiveConfig(options: FundOptions): FundConfig {
  const p = FAULT_POINT_PROBABILITY;
  const c = calmFundConfig();
  c.isolation = options.isolation;
  c.investorService = { ...c.investorService, mode: exhaustiveMode(options), lostReplyProbability: p };
  c.fundService = { ...c.fundService, lostReplyProbability: p, refuseProbability: p };
  c.notifications = { ...c.notifications, lostReplyProbability: p };
  c.network = { ...c.network, latencyMsMin: 2, latencyMsMax: 2, lossProbability: p, duplicateProbability: p };
  c.db = { ...c.db, lostCommitReplyProbability: p, connectionDropProbability: p };
  c.queue = { ...c.queue, duplicateDeliveryProbability: p, lostAckProbability: p };
  c.crash = { ...c.crash, probability: p, maxCrashes: Number.MAX_SAFE_INTEGER, restartDelayMsMin: 100, restartDelayMsMax: 100 };
  // Faults are choice points only while the fault phase lasts: the requests
  // are answered and the racing transactions reserve, withdraw and remit
  // within it.
  c.faultPhaseMs = 400;
  c.investors = [
    { id: 'inv-1', balanceMinor: 2 * EXHAUSTIVE_AMOUNT_MINOR },
    { id: 'inv-2', balanceMinor: EXHAUSTIVE_AMOUNT_MINOR },
  ];
  c.funds = [{ id: 'fund-1', minimumMinor: EXHAUSTIVE_AMOUNT_MINOR, seats: 1 }];
  const plans = [
    { atMs: 0, key: 'k1', investor: 'inv-1', fund: 'fund-1', amountMinor: EXHAUSTIVE_AMOUNT_MINOR },
    { atMs: 0, key: 'k2', investor: 'inv-2', fund: 'fund-1', amountMinor: EXHAUSTIVE_AMOUNT_MINOR },
    { atMs: 0, key: 'k3', investor: 'inv-1', fund: 'fund-1', amountMinor: EXHAUSTIVE_AMOUNT_MINOR },
  ];
  c.workload = plans.slice(0, options.investments);
  return c;
}

export function fundExhaustiveLabel(options: FundOptions): string[] {
  return [`exhaustive world: ${options.investments} investment(s) racing for one seat`, `isolation=${options.isolation}`, `investorMode=${exhaustiveMode(options)}`];
}

/** The exhaustive world enumerates schedules and faults, not data: `mixed` takes the idempotent service. */
const exhaustiveMode = (options: FundOptions): 'idempotent' | 'non-idempotent' => (options.investorMode === 'non-idempotent' ? 'non-idempotent' : 'idempotent');
