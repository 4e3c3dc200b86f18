/**
 * Human and JSON renderings of a single run (run and replay commands).
 * A violation leads with the invariant, seed, step and virtual time, then the
 * line that replays it, then the trace.
 */
import chalk from 'chalk';
import type { RunResult } from '../../sim/run-result.ts';
import type { TraceFormat } from '../args/resolve.ts';
import { formatTraceMermaid } from './trace-mermaid.ts';
import { formatTraceText } from './trace-text.ts';

export function formatTrace(result: RunResult, format: TraceFormat): string {
  if (format === 'mermaid') return formatTraceMermaid(result.trace);
  if (format === 'json') return JSON.stringify(result.trace, null, 1);
  return formatTraceText(result.trace);
}

/** `origin` names what the run was made from: a seed, or a recorded choice vector. */
export function formatRunText(result: RunResult, replay: string, format: TraceFormat, showTrace: boolean, origin = `seed ${result.seed}`): string {
  const lines: string[] = [];
  if (result.kind === 'violation') {
    const v = result.violation;
    lines.push(chalk.red(`VIOLATION ${v.invariant}`) + ` ${origin}, step ${v.step}, ${v.timeMs} ms virtual`);
    lines.push(`replay: ${replay}`);
    lines.push(`  ${v.message}`);
  } else {
    lines.push(chalk.green('ok') + ` ${origin}: no invariant violated`);
  }
  lines.push(`design ${result.design}, ${result.events} events, ${result.virtualTimeMs} ms virtual, trace hash ${result.traceHash}`);
  lines.push(`world: ${result.config.join(' ') || '(calm)'}`);
  if (showTrace || result.kind === 'violation') {
    lines.push(`trace (${format}):`);
    lines.push(formatTrace(result, format));
  }
  return lines.join('\n');
}

export function runJson(system: string, result: RunResult, replay: string, format: TraceFormat): Record<string, unknown> {
  const violation =
    result.kind === 'violation'
      ? { ...result.violation, seed: result.seed, traceHash: result.traceHash, replay }
      : undefined;
  return {
    ok: result.kind === 'pass',
    system,
    design: result.design,
    seed: result.seed,
    traceHash: result.traceHash,
    events: result.events,
    virtualTimeMs: result.virtualTimeMs,
    world: result.config,
    faultsFired: result.faultsFired,
    probes: result.probes,
    ...(violation !== undefined ? { violation } : {}),
    trace: format === 'mermaid' ? formatTraceMermaid(result.trace) : result.trace,
  };
}
