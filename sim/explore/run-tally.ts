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
export type RunFigures = Pick<RunResult, 'events' | 'latenciesMs' | 'faultsFired' | 'probes' | 'answers'>;

/** Many runs' figures folded together (latencies concatenated), as a worker sends them. */
export type TallySnapshot = RunFigures & { runs: number };

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
  readonly latency = new LatencyHistogram();
  readonly faultsFired: Record<string, number> = {};
  readonly probes: Record<string, number>;

  constructor(private readonly system: SystemDef) {
    this.probes = Object.fromEntries(system.probes.map((p) => [p, 0]));
  }

  add(run: RunFigures): void {
    this.merge({ ...run, runs: 1 });
  }

  merge(run: TallySnapshot): void {
    this.runs += run.runs;
    this.events += run.events;
    this.answers += run.answers;
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
  readonly snapshot: TallySnapshot = { runs: 0, events: 0, answers: 0, latenciesMs: [], faultsFired: {}, probes: {} };

  add(run: RunFigures): void {
    const s = this.snapshot;
    s.runs++;
    s.events += run.events;
    s.answers += run.answers;
    for (const ms of run.latenciesMs) s.latenciesMs.push(ms);
    addCounts(s.faultsFired, run.faultsFired);
    addCounts(s.probes, run.probes);
  }
}
