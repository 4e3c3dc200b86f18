/**
 * Aggregates what many runs exercised: how many ran, how many events they
 * dispatched, answer latencies, and coverage (faults fired and "sometimes"
 * probes hit, per kind). Every strategy feeds its runs through one of these,
 * and worker threads send back the per-run figures it needs, so a parallel
 * sweep aggregates exactly like a serial one.
 */
import type { RunResult } from '../run-result.ts';
import { LatencyHistogram } from '../stats/latency-histogram.ts';
import type { SystemDef } from '../systems/system-def.ts';

/** The part of a run a tally reads; small enough to post between threads. */
export type RunFigures = Pick<RunResult, 'seed' | 'events' | 'latenciesMs' | 'faultsFired' | 'probes' | 'answers' | 'choices'>;

/** The run with the slowest answer: its seed, the answer's latency and the run's choices (to replay it). */
export interface SlowestAnswer {
  seed: number;
  latencyMs: number;
  choices: number[];
}

/** Many runs' figures folded together (latencies concatenated), as a worker sends them. */
export type TallySnapshot = Omit<RunFigures, 'seed' | 'choices'> & {
  runs: number;
  slowest: SlowestAnswer | null;
  /** Runs whose own p99 answer latency exceeded the system's budget. */
  runsOverBudget: number;
};

/** Nearest-rank p99 of one run's answers (its maximum when it has fewer than 100). */
export function runP99(latenciesMs: readonly number[]): number {
  if (latenciesMs.length === 0) return 0;
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return sorted[Math.ceil(0.99 * sorted.length) - 1]!;
}

/** Folds one run's latency judgement into a snapshot. */
function judgeLatency(s: TallySnapshot, run: RunFigures, budgetMs: number | null): void {
  if (run.latenciesMs.length === 0) return;
  const max = Math.max(...run.latenciesMs);
  if (s.slowest === null || max > s.slowest.latencyMs) s.slowest = { seed: run.seed, latencyMs: max, choices: run.choices };
  if (budgetMs !== null && runP99(run.latenciesMs) > budgetMs) s.runsOverBudget++;
}

function mergeSlowest(a: SlowestAnswer | null, b: SlowestAnswer | null): SlowestAnswer | null {
  if (a === null) return b;
  if (b === null) return a;
  // Ties go to the lower seed so that the fold does not depend on the order blocks arrive in.
  return b.latencyMs > a.latencyMs || (b.latencyMs === a.latencyMs && b.seed < a.seed) ? b : a;
}

export interface Coverage {
  faultsFired: Record<string, number>;
  probes: Record<string, number>;
  /** Declared probes that never fired: anything about them passed vacuously. */
  probesMissed: string[];
  /** Fault kinds the system counts that never fired in any run. */
  faultsNeverFired: string[];
}

export class RunTally {
  runs = 0;
  events = 0;
  /** Answers received over all runs; zero means the sweep judged nothing. */
  answers = 0;
  slowest: SlowestAnswer | null = null;
  runsOverBudget = 0;
  readonly latency = new LatencyHistogram();
  readonly faultsFired: Record<string, number> = {};
  readonly probes: Record<string, number>;

  constructor(private readonly system: SystemDef) {
    this.probes = Object.fromEntries(system.probes.map((p) => [p, 0]));
  }

  add(run: RunFigures): void {
    const one = new SnapshotBuilder(this.system.latencyBudgetP99Ms ?? null);
    one.add(run);
    this.merge(one.snapshot);
  }

  merge(run: TallySnapshot): void {
    this.runs += run.runs;
    this.events += run.events;
    this.answers += run.answers;
    this.slowest = mergeSlowest(this.slowest, run.slowest);
    this.runsOverBudget += run.runsOverBudget;
    for (const ms of run.latenciesMs) this.latency.add(ms);
    addCounts(this.faultsFired, run.faultsFired);
    addCounts(this.probes, run.probes);
  }

  coverage(): Coverage {
    return {
      faultsFired: { ...this.faultsFired },
      probes: { ...this.probes },
      probesMissed: this.system.probes.filter((p) => (this.probes[p] ?? 0) === 0),
      faultsNeverFired: Object.entries(this.faultsFired).filter(([, v]) => v === 0).map(([k]) => k),
    };
  }
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** Folds runs into a snapshot cheaply enough to post between threads. */
export class SnapshotBuilder {
  readonly snapshot: TallySnapshot = { runs: 0, events: 0, answers: 0, latenciesMs: [], faultsFired: {}, probes: {}, slowest: null, runsOverBudget: 0 };

  /** `budgetMs`: the system's p99 answer-latency budget, judged per run too. */
  constructor(private readonly budgetMs: number | null = null) {}

  add(run: RunFigures): void {
    const s = this.snapshot;
    s.runs++;
    s.events += run.events;
    s.answers += run.answers;
    judgeLatency(s, run, this.budgetMs);
    for (const ms of run.latenciesMs) s.latenciesMs.push(ms);
    addCounts(s.faultsFired, run.faultsFired);
    addCounts(s.probes, run.probes);
  }
}
