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
import { recipeReplayLine } from './replay-line.ts';

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

function failureLines(r: ExploreResult, f: FailureReport, format: TraceFormat): string[] {
  const v = f.violation;
  return [
    chalk.red(`VIOLATION ${v.invariant}`) + ` (shrunk) step ${v.step}, ${v.timeMs} ms virtual`,
    `replay: ${recipeReplayLine(r.system, r.design, f.shrunk.recipe)}`,
    `  ${v.message}`,
    `  shrunk: ${sizeChange(f.found.sizes, f.shrunk.sizes)} (${f.shrunk.runs} replays${f.shrunk.budgetSpent ? ', budget spent: may shrink further' : ''})`,
    `  found as ${f.found.recipe.world === 'swarm' ? `seed ${f.found.recipe.seed}` : 'an exhaustive schedule'}, trace hash ${f.found.traceHash}; shrunk trace hash ${f.shrunk.run.traceHash}`,
    `  world: ${f.shrunk.run.config.join(' ') || '(calm)'}`,
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
    return chalk.green('ok') + `: all ${r.schedules} schedules within ${faults} faults hold (bounded space exhausted: ${r.bounds.workloadTransfers} transfers, depth <= ${r.bounds.maxDepthChoices} choices)`;
  }
  return chalk.yellow('ok, not exhausted') + `: ${r.schedules} schedules within ${faults} faults hold, but --max-schedules ${r.bounds.maxSchedules} cut the bounded space short`;
}

export function formatExploreText(r: ExploreResult, format: TraceFormat, requireCoverage: boolean): string {
  const lat = r.latency;
  const latency = `answer latency (virtual): p50 ${lat.p50} ms, p99 ${lat.p99} ms, max ${lat.max} ms over ${lat.count} answers` +
    (r.latencyBudgetP99Ms !== null ? ` (budget p99 <= ${r.latencyBudgetP99Ms} ms)` : '');
  const lines: string[] = [];
  if (r.kind === 'nondeterminism') return [chalk.red('INTERNAL ERROR: nondeterminism'), r.message, explored(r)].join('\n');
  if (r.kind === 'violation') {
    for (const f of r.failures) lines.push(...failureLines(r, f, format), '');
    const kinds = r.failures.map((f) => f.violation.invariant).join(', ');
    const space = r.strategy === 'exhaustive' ? (r.exhausted === true ? ' (bounded space exhausted)' : ' (bounded space not exhausted)') : '';
    lines.push(chalk.red(`${r.failures.length} invariant(s) violated: ${kinds}`) + space);
  } else if (r.kind === 'latency-budget') {
    lines.push(chalk.red(`LATENCY BUDGET EXCEEDED: p99 ${lat.p99} ms > ${r.latencyBudgetP99Ms} ms`));
  } else {
    lines.push(verdict(r));
  }
  lines.push(explored(r), latency, ...coverageLines(r, requireCoverage));
  return lines.join('\n');
}

function failureJson(r: ExploreResult, f: FailureReport): Record<string, unknown> {
  return {
    invariant: f.violation.invariant,
    message: f.violation.message,
    step: f.violation.step,
    timeMs: f.violation.timeMs,
    replay: recipeReplayLine(r.system, r.design, f.shrunk.recipe),
    foundSeed: f.found.recipe.world === 'swarm' ? f.found.recipe.seed : null,
    traceHash: f.shrunk.run.traceHash,
    foundTraceHash: f.found.traceHash,
    shrink: { original: f.found.sizes, shrunk: f.shrunk.sizes, replays: f.shrunk.runs, budgetSpent: f.shrunk.budgetSpent },
    world: f.shrunk.run.config,
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
    exhausted: r.exhausted,
    bounds: r.bounds,
    shard: r.shard,
    events: r.events,
    elapsedMs: Math.round(r.elapsedMs),
    ...rates(r),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, count: r.latency.count },
    latencyBudgetP99Ms: r.latencyBudgetP99Ms,
    coverage: { ...r.coverage, required: requireCoverage, ok: coverageOk },
  };
  if (r.kind === 'violation') return { ...base, violations: r.failures.map((f) => failureJson(r, f)) };
  if (r.kind === 'nondeterminism') return { ...base, error: r.message };
  if (r.kind === 'latency-budget') return { ...base, latencyBudgetExceeded: true };
  return base;
}
