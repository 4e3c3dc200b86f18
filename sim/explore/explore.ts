/**
 * `explore` as one value-returning function: runs the chosen strategy
 * (random or pct seed sweeps, or exhaustive enumeration), minimises every
 * failure it kept (one per invariant), and returns coverage, bounds and
 * outcome. Nothing here prints.
 */
import type { SystemDef } from '../systems/system-def.ts';
import type { WorldOptionValues } from '../systems/world-options.ts';
import type { LatencySummary } from '../stats/latency-histogram.ts';
import { minimiseFailure, type FailureReport } from './minimise-failure.ts';
import type { RunRecipe } from './run-recipe.ts';
import type { Coverage, RunTally, SlowestAnswer } from './run-tally.ts';
import { type Shard } from './seed-sweep.ts';
import { parallelSweep } from './parallel-sweep.ts';
import { parallelExhaustive } from './parallel-exhaustive.ts';

export type StrategyName = 'random' | 'pct' | 'exhaustive';

export interface ExploreInput {
  system: SystemDef;
  design: unknown;
  /** What the user named (built-in name or module path), so workers can load it too. */
  designName: string;
  strategy: StrategyName;
  seedStart: number;
  seeds: number;
  pct: { depth: number; stepsEstimate: number };
  exhaustive: {
    maxFaults: number;
    maxDepth: number;
    /** The exhaustive world's options, resolved against the system's declarations. */
    options: WorldOptionValues;
    maxSchedules: number;
    /** Prune equivalent orderings with sleep sets, where the system declares which events commute. */
    sleepSets: boolean;
  };
  /** Random and pct: the swarm world's options (those a system applies to every world), resolved. */
  swarmOptions?: WorldOptionValues;
  maxSteps?: number;
  stopAtFirst: boolean;
  shrinkRuns: number;
  workers: number;
  shard: Shard | null;
  /** Random and pct: wall-clock instant (ms since the epoch) after which no new seed starts (a time limit). */
  deadlineEpochMs?: number;
  /** Called now and then with the number of runs made so far (for a progress line); must not throw. */
  onProgress?: (runs: number) => void;
}

export interface ExploreStats {
  system: string;
  design: string;
  strategy: StrategyName;
  /** Runs made: seeds for random and pct, schedules for exhaustive. */
  schedules: number;
  events: number;
  /** Time spent exploring; shrinking the failures afterwards is not included. */
  elapsedMs: number;
  latency: LatencySummary;
  latencyBudgetP99Ms: number | null;
  /** Answers received over all runs. */
  answers: number;
  /** The run with the slowest answer, to replay it. */
  slowest: SlowestAnswer | null;
  /** Runs whose own p99 answer latency exceeded the budget. */
  runsOverBudget: number;
  /** True when the sweep's p99, or any run's own p99, exceeded the budget. */
  latencyExceeded: boolean;
  coverage: Coverage;
  /** Exhaustive only: whether the bounded space was enumerated completely. */
  exhausted: boolean | null;
  /** The bounds this exploration ran under, named with their units, and the exhaustive world's options. */
  bounds: Record<string, number | string>;
  /** The world's options, to replay its runs (for random and pct, the swarm options). */
  worldOptions: WorldOptionValues | null;
  shard: Shard | null;
}

export type ExploreResult =
  | ({ kind: 'pass' } & ExploreStats)
  | ({ kind: 'latency-budget' } & ExploreStats)
  | ({ kind: 'no-answers' } & ExploreStats)
  | ({ kind: 'violation'; failures: FailureReport[] } & ExploreStats)
  | ({ kind: 'nondeterminism'; message: string } & ExploreStats);

export async function explore(input: ExploreInput): Promise<ExploreResult> {
  const started = performance.now();
  const found = input.strategy === 'exhaustive' ? await parallelExhaustive(input) : await parallelSweep(input);
  // Rates describe the exploration itself; shrinking afterwards is not counted in them.
  const exploredMs = performance.now() - started;
  const stats = (tally: RunTally, exhausted: boolean | null): ExploreStats => ({
    system: input.system.id,
    design: input.designName,
    strategy: input.strategy,
    schedules: tally.runs,
    events: tally.events,
    elapsedMs: exploredMs,
    latency: tally.latency.summary(),
    latencyBudgetP99Ms: input.system.latencyBudgetP99Ms ?? null,
    answers: tally.answers,
    slowest: tally.slowest,
    runsOverBudget: tally.runsOverBudget,
    latencyExceeded: latencyExceeded(input, tally),
    coverage: tally.coverage(),
    exhausted,
    bounds: boundsOf(input),
    worldOptions: input.strategy === 'exhaustive' ? input.exhaustive.options : input.swarmOptions ?? null,
    shard: input.shard,
  });
  if (found.kind === 'nondeterminism') return { kind: 'nondeterminism', message: found.message, ...stats(found.tally, null) };
  const reports: FailureReport[] = [];
  for (const f of found.failures) {
    const recipe: RunRecipe = input.strategy === 'exhaustive'
      ? { seed: 0, world: 'exhaustive', options: input.exhaustive.options, choices: f.choices }
      : { seed: f.seed, world: 'swarm', options: input.swarmOptions, choices: f.choices };
    const m = await minimiseFailure(input.system, input.design, f, recipe, input.shrinkRuns, input.maxSteps);
    if (m.kind === 'nondeterminism') return { kind: 'nondeterminism', message: m.message, ...stats(found.tally, found.exhausted) };
    reports.push(m.report);
  }
  const final = stats(found.tally, found.exhausted);
  if (reports.length > 0) return { kind: 'violation', failures: reports, ...final };
  // A sweep in which no request was ever answered judged nothing: that is a failure, never a pass.
  if (final.schedules > 0 && final.answers === 0) return { kind: 'no-answers', ...final };
  if (final.latencyExceeded) return { kind: 'latency-budget', ...final };
  return { kind: 'pass', ...final };
}

function latencyExceeded(input: ExploreInput, tally: RunTally): boolean {
  const budget = input.system.latencyBudgetP99Ms;
  if (budget === undefined) return false;
  return tally.latency.summary().p99 > budget || tally.runsOverBudget > 0;
}

function boundsOf(input: ExploreInput): Record<string, number | string> {
  const steps: Record<string, number> = input.maxSteps === undefined ? {} : { maxStepsEvents: input.maxSteps };
  if (input.strategy === 'exhaustive') {
    const e = input.exhaustive;
    const reduction = e.sleepSets && input.system.independentEvents !== undefined ? 'sleep-sets' : 'none';
    return { maxFaults: e.maxFaults, maxDepthChoices: e.maxDepth, ...e.options, maxSchedules: e.maxSchedules, reduction, ...steps };
  }
  const base = { seedStart: input.seedStart, seeds: input.seeds, ...steps };
  return input.strategy === 'pct' ? { ...base, pctDepth: input.pct.depth, pctStepsEstimate: input.pct.stepsEstimate } : base;
}
