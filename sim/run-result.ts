/**
 * What one simulated run returns. The simulator never prints: it hands back
 * one of these values, and formatters in cli/ render them.
 */
import type { TraceEntry } from './trace/trace-recorder.ts';

export interface Violation {
  /** Stable invariant name, e.g. NoOrphanedMoney. */
  invariant: string;
  message: string;
  /** The event count at which it was detected. */
  step: number;
  timeMs: number;
}

export interface RunStats {
  seed: number;
  design: string;
  traceHash: string;
  events: number;
  virtualTimeMs: number;
  /** Answer latencies of this run, in virtual ms. */
  latenciesMs: number[];
  /** Answers the client received (any status, transfer and status calls). A sweep with none tested nothing. */
  answers: number;
  /** What the run's fault configuration switched on (swarm) or the scenario name. */
  config: string[];
  /** How often each fault actually fired. */
  faultsFired: Record<string, number>;
  /** How often each "sometimes" probe was hit. */
  probes: Record<string, number>;
  /** Every choice made, for replay and shrinking. */
  choices: number[];
  trace: TraceEntry[];
}

export type RunResult = ({ kind: 'pass' } | { kind: 'violation'; violation: Violation }) & RunStats;
