/** Human and JSON renderings of an explore sweep. */
import chalk from 'chalk';
import type { SweepResult } from '../../sim/explore/sweep.ts';
import type { TraceFormat } from '../args/resolve.ts';
import { formatTrace } from './run-report.ts';
import { replayLine } from './replay-line.ts';

function rates(r: SweepResult): { eventsPerSecond: number; seedsPerSecond: number } {
  const s = Math.max(r.elapsedMs, 1) / 1000;
  return { eventsPerSecond: Math.round(r.events / s), seedsPerSecond: Math.round(r.seedsRun / s) };
}

function coverageLines(r: SweepResult): string[] {
  const fired = Object.entries(r.faultsFired).map(([k, v]) => `${k}=${v}`).join(' ');
  const probes = Object.entries(r.probes).map(([k, v]) => `${k}=${v}`).join(' ');
  const lines = [`faults fired: ${fired}`, `probes: ${probes}`];
  if (r.probesMissed.length > 0) lines.push(chalk.yellow(`warning: probes never hit in this sweep: ${r.probesMissed.join(', ')}`));
  return lines;
}

export function formatSweepText(r: SweepResult, format: TraceFormat): string {
  const { eventsPerSecond, seedsPerSecond } = rates(r);
  const lat = r.latency;
  const head = `${r.system} / ${r.design}: ${r.seedsRun} seeds, ${r.events} events (${eventsPerSecond} events/s, ${seedsPerSecond} seeds/s)`;
  const latency = `answer latency (virtual): p50 ${lat.p50} ms, p99 ${lat.p99} ms, max ${lat.max} ms over ${lat.count} answers` +
    (r.latencyBudgetP99Ms !== null ? ` (budget p99 <= ${r.latencyBudgetP99Ms} ms)` : '');
  const lines: string[] = [];
  if (r.kind === 'violation') {
    const f = r.failing;
    if (f.kind !== 'violation') throw new Error('violation sweep without a failing run');
    const v = f.violation;
    lines.push(chalk.red(`VIOLATION ${v.invariant}`) + ` seed ${f.seed}, step ${v.step}, ${v.timeMs} ms virtual`);
    lines.push(`replay: ${replayLine(r.system, r.design, f.seed)}`);
    lines.push(`  ${v.message}`);
    lines.push(`  trace hash ${f.traceHash}; world: ${f.config.join(' ') || '(calm)'}`);
    lines.push(head, latency, `trace (${format}):`, formatTrace(f, format));
    return lines.join('\n');
  }
  if (r.kind === 'nondeterminism') return [chalk.red('INTERNAL ERROR: nondeterminism'), r.message, head].join('\n');
  if (r.kind === 'latency-budget') {
    lines.push(chalk.red(`LATENCY BUDGET EXCEEDED: p99 ${lat.p99} ms > ${r.latencyBudgetP99Ms} ms`));
  } else {
    lines.push(chalk.green('ok') + `: no invariant violated in ${r.seedsRun} seeds`);
  }
  lines.push(head, latency, ...coverageLines(r));
  return lines.join('\n');
}

export function sweepJson(r: SweepResult): Record<string, unknown> {
  const base = {
    ok: r.kind === 'pass',
    system: r.system,
    design: r.design,
    seedsRun: r.seedsRun,
    events: r.events,
    elapsedMs: Math.round(r.elapsedMs),
    ...rates(r),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, count: r.latency.count },
    latencyBudgetP99Ms: r.latencyBudgetP99Ms,
    faultsFired: r.faultsFired,
    probes: r.probes,
    probesMissed: r.probesMissed,
  };
  if (r.kind === 'violation' && r.failing.kind === 'violation') {
    const f = r.failing;
    return {
      ...base,
      violation: {
        invariant: f.violation.invariant,
        message: f.violation.message,
        seed: f.seed,
        step: f.violation.step,
        timeMs: f.violation.timeMs,
        traceHash: f.traceHash,
        replay: replayLine(r.system, r.design, f.seed),
        world: f.config,
      },
    };
  }
  if (r.kind === 'nondeterminism') return { ...base, error: r.message };
  if (r.kind === 'latency-budget') return { ...base, latencyBudgetExceeded: true };
  return base;
}
