/**
 * Human rendering of a check result: a summary in the spirit of TLC's, the
 * counterexample as numbered states labelled by action (after the first
 * state, only the variables that changed), coverage and a replay line.
 * Pure: returns lines; the command prints them.
 */
import chalk from 'chalk';
import type { CheckResult, Progress, Stats, TraceStep, Violation } from '../../model/checker/result.ts';
import { changedVars, showValue } from './check-values.ts';

export function progressLine(p: Progress): string {
  const secs = Math.max(p.elapsedMs, 1) / 1000;
  return chalk.dim(
    `Progress: ${p.generatedStates} states generated, ${p.distinctStates} distinct states found, ${p.queued} states left on queue, depth ${p.depth} (${Math.round(p.distinctStates / secs)} distinct/s${p.bytes !== undefined ? `, ${Math.round(p.bytes / 2 ** 20)} MB` : ''})`,
  );
}

export function traceLines(trace: readonly TraceStep[], loopIndex?: number, stuttering?: boolean): string[] {
  const lines: string[] = [];
  trace.forEach((step, i) => {
    const last = i === trace.length - 1;
    if (last && loopIndex !== undefined && i > 0) {
      lines.push(chalk.bold(`State ${i + 1}: <${step.action}> back to state ${loopIndex + 1}`), '');
      return;
    }
    const who = step.actor ? chalk.dim(` (${step.actor}${step.target ? ' -> ' + step.target : ''})`) : '';
    lines.push(chalk.bold(`State ${i + 1}: <${step.action ?? 'Initial predicate'}>`) + who);
    const vars = changedVars(i === 0 ? undefined : trace[i - 1]!.state, step.state);
    for (const k of vars) lines.push(`/\\ ${k} = ${showValue(step.state[k]!)}`);
    if (vars.length === 0) lines.push(chalk.dim('(no variable changed)'));
    lines.push('');
  });
  if (stuttering) lines.push(chalk.bold(`State ${trace.length + 1}: Stuttering`) + chalk.dim(' (no fair action is enabled; the behaviour stays here forever)'), '');
  return lines;
}

function violationHeader(v: Violation): string {
  switch (v.kind) {
    case 'invariant':
      return `Error: Invariant ${v.property} is violated.`;
    case 'deadlock':
      return 'Error: Deadlock reached.';
    case 'liveness':
      return `Error: Temporal property ${v.property} is violated.`;
  }
}

export function statsLines(stats: Stats, complete: boolean): string[] {
  const lines = [
    `${stats.generatedStates} states generated, ${stats.distinctStates} distinct states found.`,
    `The depth of the state graph search is ${stats.depth}.`,
    `${stats.statesPerSecond} distinct states/s over ${(stats.durationMs / 1000).toFixed(2)} s of search.`,
    ...(stats.memory ? [`Memory: ${stats.memory.bytesPerState} bytes per distinct state (${Math.round(stats.memory.bytes / 2 ** 20)} MB for states, parents and fingerprints).`] : []),
    `Fingerprint collision probability (estimate): ${stats.collisionProbability.toExponential(1)}.`,
    'Coverage (successors generated / new states):',
  ];
  for (const c of stats.coverage) {
    const flag = c.fired === 0 && complete ? chalk.yellow('  <- never fired') : '';
    lines.push(`  ${c.action.padEnd(18)} ${String(c.fired).padStart(10)} ${String(c.distinct).padStart(10)}${flag}`);
  }
  return lines;
}

export function resultLines(r: CheckResult, replay: string): string[] {
  if (r.kind === 'model-error') {
    const [first, ...rest] = r.message.split('\n');
    const trace = r.trace ?? [];
    return [
      chalk.red(`Error: modelling mistake in ${r.model}: ${first}`),
      ...rest,
      '',
      ...(trace.length > 0 ? ['The behavior up to the state where it happened is:', ...traceLines(trace)] : ['It happened before any state was reached.', '']),
      `Reproduce: ${replay}`,
    ];
  }
  const consts = Object.entries(r.constants).map(([k, v]) => `${k}=${typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v}`).join(' ');
  const mode = r.mode.kind === 'simulate' ? `simulation (seed ${r.mode.seed}, depth ${r.mode.depth}, ${r.mode.walks} walks)` : 'exhaustive breadth-first search';
  const out = [`Model ${r.model}${consts ? ` with ${consts}` : ''}: ${mode}.`];
  out.push(`Invariants: ${r.invariantsChecked.join(', ') || 'none'}.`);
  if (r.mode.kind === 'exhaustive') out.push(`Temporal properties: ${r.propertiesChecked.join(', ') || 'none checked'}.`);
  out.push('');
  if (r.kind === 'violation') {
    const v = r.violation;
    out.push(chalk.red(violationHeader(v)), chalk.dim(v.description));
    if (v.trace.length > 0) out.push('The behavior up to this point is:', ...traceLines(v.trace, v.loopIndex, v.stuttering));
    else out.push('The behavior is printed below.', '');
  }
  out.push(...statsLines(r.stats, r.kind === 'ok'));
  // Only a finished search can say an action never fires; a stopped one may not have reached it yet.
  if (r.kind === 'ok' && r.stats.neverFired.length > 0) out.push(chalk.yellow(`Warning: never fired: ${r.stats.neverFired.join(', ')}.`));
  out.push('');
  if (r.kind === 'ok') out.push(chalk.green(r.mode.kind === 'simulate' ? 'No violation found on the simulated walks.' : 'Model checking completed. No error has been found.'));
  if (r.kind === 'stopped') out.push(chalk.yellow(`Stopped: ${r.reason}.`));
  if (r.kind === 'violation') out.push(`Reproduce: ${replay}`);
  return out;
}
