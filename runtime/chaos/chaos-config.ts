/**
 * What a chaos run of bank-transfer does: how long faults last, how often
 * the coordinator is killed, how many clients press the button, which fake
 * faults fire, and the seed every random choice of the run derives from.
 */
import type { ExternalOptions } from '../../sim/fakes/external-options.ts';
import type { LedgerOptions } from '../../sim/fakes/ledger-options.ts';

export interface ChaosConfig {
  /** A built-in design name, or an absolute module path. */
  design: string;
  seed: number;
  /** The fault phase: kills and fake faults; clients press throughout. */
  durationMs: number;
  /** SIGKILLs at random moments of the fault phase (`count`), or one every interval drawn from a range. */
  kills: { count: number } | { everyMinMs: number; everyMaxMs: number };
  clients: number;
  accounts: number;
  balanceMinor: number;
  faults: FaultPreset;
  /** How long healing may take: every press answered and no durable obligation left. */
  drainTimeoutMs: number;
  /** Keep every request's invoke and outcome for a history file. */
  keepHistory: boolean;
}

export type FaultPreset = 'default' | 'none';

export const FAULT_PRESETS: Record<FaultPreset, { external: Partial<ExternalOptions>; ledger: Partial<LedgerOptions> }> = {
  /** A few per cent of every fault kind the fakes have: refusals, 5xx before and after applying, lost and slow replies, rejected and rate-limited credits. */
  default: {
    external: {
      unavailableProbability: 0.02,
      errorBeforeProbability: 0.02,
      errorAfterProbability: 0.02,
      lostReplyProbability: 0.03,
      slowProbability: 0.05,
      slowExtraMsMax: 80,
    },
    ledger: { rejectProbability: 0.03, rateLimitProbability: 0.03, lostReplyProbability: 0.03, slowProbability: 0.05, slowExtraMsMax: 50 },
  },
  none: { external: {}, ledger: {} },
};

/** The client's patience: how long one call may take, and the backoff between retries of the same press. */
export const CLIENT = {
  timeoutMs: 1000,
  retryDelayMs: 100,
  retryDelayMsMax: 1000,
  statusPollMs: 250,
  amountMinorMin: 100,
  amountMinorMax: 10_000,
};

/** How often the invariants that hold at every moment are checked against the books. */
export const STEP_CHECK_EVERY_MS = 200;
