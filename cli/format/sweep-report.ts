/**
 * Human and JSON renderings of an exploration (`moneysim explore`): each
 * shrunk failure with its replay line, sizes before and after shrinking and
 * trace; then what was explored (runs or schedules, whether a bounded space
 * was exhausted) and what it covered (faults fired, probes hit or missed).
 */
import chalk from 'chalk';
import type { ExploreResult } from '../../sim/explore/explore.ts';
import type { FailureReport, RunSizes } from '../../sim/explore/minimise-failure.ts';
import type { TraceFormat } from '../args/resolve.ts';
import { formatTrace } from './run-report.ts';
import { recipeReplayLine, seedReplayLine } from './replay-line.ts';
import type { SeedStrategy } from '../../sim/explore/seed-sweep.ts';
import { describeOptions } from '../../sim/systems/world-options.ts';

/** How the sweep drew its seeds, so that a seed's replay line reproduces the same run. */
function strategyOf(r: ExploreResult): SeedStrategy {
  const options = r.worldOptions ?? {};
  return r.strategy === 'pct'
    ? { kind: 'pct', depth: r.bounds.pctDepth as number, stepsEstimate: r.bounds.pctStepsEstimate as number, options }
    : { kind: 'random', options };
}

export function foundReplay(r: ExploreResult, f: FailureReport): string {
  return seedReplayLine(r.system, r.design, f.found.recipe.seed, strategyOf(r));
}

export function shrunkReplay(r: ExploreResult, f: FailureReport): string {
  return recipeReplayLine(r.system, r.design, f.shrunk.recipe, f.shrunk.run.choices.length);
}

/** The replay line of the run with the slowest answer: its seed, or its choices in the exhaustive world. */
export function slowestReplay(r: ExploreResult): string | null {
  const s = r.slowest;
  if (s === null) return null;
  if (r.strategy !== 'exhaustive') return seedReplayLine(r.system, r.design, s.seed, strategyOf(r));
  const recipe = { seed: 0, world: 'exhaustive' as const, options: r.worldOptions ?? {}, choices: s.choices };
  return recipeReplayLine(r.system, r.design, recipe, s.choices.length);
}

function rates(r: ExploreResult): { eventsPerSecond: number; runsPerSecond: number } {
  const s = Math.max(r.elapsedMs, 1) / 1000;
  return { eventsPerSecond: Math.round(r.events / s), runsPerSecond: Math.round(r.schedules / s) };
}

/** "transfers 2 -> 1, faults 2 -> 1, ..." in the order the system reports them. */
export function sizeChange(before: RunSizes, after: RunSizes): string {
  return Object.keys(after).map((k) => `${k} ${before[k] ?? '?'} -> ${after[k]}`).join(', ');
}

function coverageLines(r: ExploreResult, requireCoverage: boolean): string[] {
  const c = r.coverage;
  const fired = Object.entries(c.faultsFired).filter(([, v]) => v > 0).map(([k, v]) => `${k}=${v}`).join(' ') || '(none)';
  const probes = Object.entries(c.probes).map(([k, v]) => `${k}=${v}`).join(' ');
  const lines = [`faults fired: ${fired}`];
  if (c.faultsNeverFired.length > 0) lines.push(`fault kinds never fired (some are off in some worlds): ${c.faultsNeverFired.join(' ')}`);
  lines.push(`probes: ${probes}`);
  if (c.probesMissed.length > 0) {
    const text = `probes never hit: ${c.probesMissed.join(', ')} (whatever depends on them passed vacuously)`;
    lines.push(requireCoverage ? chalk.red(`COVERAGE REQUIRED: ${text}`) : chalk.yellow(`warning: ${text}`));
  }
  return lines;
}

/**
 * A failure found from a seed leads with that seed, its replay line and the
 * message of that run; then the exact replay line of the shrunk run and the
 * shrunk run's own message. A failure found by enumeration has only the
 * shrunk line. The trace is the shrunk one.
 */
function failureLines(r: ExploreResult, f: FailureReport, format: TraceFormat): string[] {
  const v = f.shrunk.run.kind === 'violation' ? f.shrunk.run.violation : f.violation;
  const found = f.found.violation;
  const head = f.found.recipe.world === 'swarm'
    ? [
        chalk.red(`VIOLATION ${found.invariant}`) + ` seed ${f.found.recipe.seed}, step ${found.step}, ${found.timeMs} ms virtual`,
        `replay: ${foundReplay(r, f)}`,
        `  ${found.message}`,
        `shrunk: ${shrunkReplay(r, f)}`,
      ]
    : [chalk.red(`VIOLATION ${v.invariant}`) + ` (exhaustive schedule, shrunk) step ${v.step}, ${v.timeMs} ms virtual`, `replay: ${shrunkReplay(r, f)}`];
  return [
    ...head,
    `  ${v.message}`,
    `  shrunk run: step ${v.step}, ${v.timeMs} ms virtual; ${sizeChange(f.found.sizes, f.shrunk.sizes)} (${f.shrunk.runs} replays${f.shrunk.budgetSpent ? ', budget spent: may shrink further' : ''})`,
    `  trace hash as found ${f.found.traceHash}, shrunk ${f.shrunk.run.traceHash}`,
    `  world of the shrunk run, whose trace follows: ${f.shrunk.run.config.join(' ') || '(calm)'}`,
    `trace (${format}):`,
    formatTrace(f.shrunk.run, format),
  ];
}

function explored(r: ExploreResult): string {
  const { eventsPerSecond, runsPerSecond } = rates(r);
  const shard = r.shard === null ? '' : ` [shard ${r.shard.index}/${r.shard.count}]`;
  const unit = r.strategy === 'exhaustive' ? 'schedules' : 'seeds';
  return `${r.system} / ${r.design}, strategy ${r.strategy}${shard}: ${r.schedules} ${unit}, ${r.events} events (${eventsPerSecond} events/s, ${runsPerSecond} ${unit}/s)`;
}

function verdict(r: ExploreResult): string {
  if (r.strategy !== 'exhaustive') return chalk.green('ok') + `: no invariant violated in ${r.schedules} seeds`;
  const faults = r.bounds.maxFaults;
  if (r.exhausted === true) {
    return chalk.green('ok') + `: all ${r.schedules} schedules within ${faults} faults hold (bounded space exhausted: ${describeOptions(r.worldOptions ?? {})}, depth <= ${r.bounds.maxDepthChoices} choices)`;
  }
  return chalk.yellow('ok, not exhausted') + `: ${r.schedules} schedules within ${faults} faults hold, but --max-schedules ${r.bounds.maxSchedules} cut the bounded space short`;
}

function latencyFailure(r: ExploreResult): string[] {
  if (!r.latencyExceeded || r.latencyBudgetP99Ms === null) return [];
  const budget = r.latencyBudgetP99Ms;
  const slow = r.slowest === null ? '' : `; slowest answer ${r.slowest.latencyMs} ms` + (r.strategy === 'exhaustive' ? '' : ` at seed ${r.slowest.seed}`);
  return [
    chalk.red(`LATENCY BUDGET EXCEEDED: p99 ${r.latency.p99} ms over the sweep, ${r.runsOverBudget} run(s) with their own p99 above ${budget} ms${slow}`),
    ...(r.slowest === null ? [] : [`replay: ${slowestReplay(r)}`]),
  ];
}

/** The closing verdict line; never "ok" when coverage was required and missed. */
function closing(r: ExploreResult, requireCoverage: boolean): string[] {
  if (r.kind === 'violation') {
    const kinds = r.failures.map((f) => f.violation.invariant).join(', ');
    const space = r.strategy === 'exhaustive' ? (r.exhausted === true ? ' (bounded space exhausted)' : ' (bounded space not exhausted)') : '';
    return [chalk.red(`${r.failures.length} invariant(s) violated: ${kinds}`) + space, ...latencyFailure(r)];
  }
  if (r.kind === 'no-answers') {
    return [chalk.red(`NO ANSWERS: ${r.schedules} runs and not one request was answered, so no invariant about answers was tested; a design that never answers fails`)];
  }
  if (r.kind === 'latency-budget') return latencyFailure(r);
  if (requireCoverage && r.coverage.probesMissed.length > 0) {
    return [chalk.red(`COVERAGE NOT MET: no invariant violated, but probes ${r.coverage.probesMissed.join(', ')} were never hit`)];
  }
  return [verdict(r)];
}

export function formatExploreText(r: ExploreResult, format: TraceFormat, requireCoverage: boolean): string {
  const lat = r.latency;
  const latency = `answer latency (virtual): p50 ${lat.p50} ms, p99 ${lat.p99} ms, max ${lat.max} ms over ${lat.count} answers` +
    (r.latencyBudgetP99Ms !== null ? ` (budget p99 <= ${r.latencyBudgetP99Ms} ms, judged over the sweep and per run)` : '');
  if (r.kind === 'nondeterminism') return [chalk.red('INTERNAL ERROR: nondeterminism'), r.message, explored(r)].join('\n');
  const lines: string[] = [];
  if (r.kind === 'violation') for (const f of r.failures) lines.push(...failureLines(r, f, format), '');
  lines.push(...closing(r, requireCoverage));
  const slowest = r.slowest === null || r.latencyExceeded ? [] : [`slowest answer ${r.slowest.latencyMs} ms: ${slowestReplay(r)}`];
  lines.push(explored(r), latency, ...slowest, ...coverageLines(r, requireCoverage));
  return lines.join('\n');
}

/** One failure; `seed`, `step`, `timeMs`, `traceHash` and `replay` describe the run as found, `shrunk` the minimised one. */
function failureJson(r: ExploreResult, f: FailureReport): Record<string, unknown> {
  const found = f.found.violation;
  const fromSeed = f.found.recipe.world === 'swarm';
  const shrunkLine = shrunkReplay(r, f);
  return {
    invariant: found.invariant,
    message: found.message,
    seed: fromSeed ? f.found.recipe.seed : null,
    step: found.step,
    timeMs: found.timeMs,
    traceHash: f.found.traceHash,
    replay: fromSeed ? foundReplay(r, f) : shrunkLine,
    world: f.found.config,
    shrunk: {
      replay: shrunkLine,
      message: f.violation.message,
      step: f.violation.step,
      timeMs: f.violation.timeMs,
      traceHash: f.shrunk.run.traceHash,
      sizes: f.shrunk.sizes,
      world: f.shrunk.run.config,
    },
    shrink: { original: f.found.sizes, shrunk: f.shrunk.sizes, replays: f.shrunk.runs, budgetSpent: f.shrunk.budgetSpent },
  };
}

export function exploreJson(r: ExploreResult, requireCoverage: boolean): Record<string, unknown> {
  const coverageOk = r.coverage.probesMissed.length === 0;
  const base = {
    ok: r.kind === 'pass' && (coverageOk || !requireCoverage),
    system: r.system,
    design: r.design,
    strategy: r.strategy,
    schedules: r.schedules,
    seedsRun: r.strategy === 'exhaustive' ? null : r.schedules,
    exhausted: r.exhausted,
    bounds: r.bounds,
    shard: r.shard,
    events: r.events,
    elapsedMs: Math.round(r.elapsedMs),
    ...rates(r),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, count: r.latency.count },
    latencyBudgetP99Ms: r.latencyBudgetP99Ms,
    latencyExceeded: r.latencyExceeded,
    runsOverLatencyBudget: r.runsOverBudget,
    slowestAnswer: r.slowest === null ? null : { latencyMs: r.slowest.latencyMs, seed: r.strategy === 'exhaustive' ? null : r.slowest.seed, replay: slowestReplay(r) },
    answers: r.answers,
    coverage: { ...r.coverage, required: requireCoverage, ok: coverageOk },
  };
  if (r.kind === 'violation') {
    const violations = r.failures.map((f) => failureJson(r, f));
    return { ...base, violation: violations[0], violations };
  }
  if (r.kind === 'nondeterminism') return { ...base, error: r.message };
  if (r.kind === 'latency-budget') return { ...base, latencyBudgetExceeded: true };
  if (r.kind === 'no-answers') return { ...base, noAnswers: true };
  return base;
}
