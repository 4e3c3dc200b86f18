/** What a chaos run found and measured, for the CLI to print. */
import type { Finding } from '../../sim/bank-transfer/invariants/ground-truth.ts';
import type { LatencySummary } from '../../sim/stats/latency-histogram.ts';
import type { FaultPreset } from './chaos-config.ts';
import type { ChildExit } from '../bank-transfer/coordinator-child.ts';

export interface ChaosResult {
  design: string;
  seed: number;
  faults: FaultPreset;
  durationMs: number;
  clients: number;
  /** The first violation, where it was seen; null when every invariant held. */
  finding: (Finding & { phase: 'faults' | 'drain' | 'quiescence' }) | null;
  kills: number;
  crashes: ChildExit[];
  restartMs: { p50: number; max: number; count: number };
  /** Presses of the button (idempotency keys) and how they ended. */
  presses: { started: number; settled: number; success: number; failed: number; pendingAnswers: number };
  /** Why presses ended FAILED, by code (ACCOUNT_BUSY, INSUFFICIENT_FUNDS, CREDIT_ANTIFRAUD, ...). */
  failedCodes: Record<string, number>;
  requests: { sent: number; answered: number; unknown: number; refused: number; serverErrors: number };
  /** Latency of answered transfer calls, real milliseconds. */
  latency: LatencySummary;
  /** Over the fault phase. */
  throughput: { pressesPerSecond: number; requestsPerSecond: number };
  /** From the end of the fault phase to quiescence. */
  drainMs: number;
  books: { initialTotalMinor: number; externalTotalMinor: number; ledgerTotalMinor: number; transfersSeen: number };
  faultCounts: { external: Record<string, number>; ledger: Record<string, number> };
  /** Set when `keepHistory` was on. */
  history: string | null;
}

export type ChaosEnd = { kind: 'done'; result: ChaosResult } | { kind: 'failed'; message: string };
