/**
 * What a sweep under `--time-limit` reports: whether the budget stopped it,
 * and what it covered by then (the seeds it ran, the events, the faults that
 * fired), so a CI job with a fixed budget still says exactly what it tested.
 * A budget that runs out is not a failure; only what the sweep found is.
 */
import type { ExploreResult } from '../../sim/explore/explore.ts';
import { formatDuration } from '../args/time-limit.ts';
import { describeFaultsFired, describeRuns, seedsPlanned } from './sweep-covered.ts';

export interface TimeBudget {
  limitMs: number;
  /** True when the budget, not the end of the seeds or a failure, ended the sweep. */
  reached: boolean;
}

/** `expired`: whether the deadline had passed when the sweep returned. */
export function timeBudgetOf(r: ExploreResult, limitMs: number, expired: boolean, stopAtFirst: boolean): TimeBudget {
  const planned = seedsPlanned(r) ?? Infinity;
  const stoppedByFailure = r.kind === 'violation' && stopAtFirst;
  return { limitMs, reached: expired && r.schedules < planned && !stoppedByFailure };
}

export function timeBudgetLine(r: ExploreResult, b: TimeBudget): string {
  const took = `${(r.elapsedMs / 1000).toFixed(1)} s`;
  const limit = formatDuration(b.limitMs);
  if (!b.reached) return `time limit ${limit} not reached: the sweep ended on its own after ${took}`;
  return `time limit ${limit} reached: the sweep stopped cleanly after ${took}, having run ${describeRuns(r)}, ${r.events} events; faults fired: ${describeFaultsFired(r.coverage.faultsFired)}`;
}

export function timeBudgetJson(r: ExploreResult, b: TimeBudget): Record<string, unknown> {
  return { limitMs: b.limitMs, reached: b.reached, elapsedMs: Math.round(r.elapsedMs), covered: describeRuns(r) };
}
