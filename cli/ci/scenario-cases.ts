/**
 * `moneysim scenarios` as CI test cases: one per scenario and design, in one
 * suite per system. An unmet expectation fails its case with what was
 * expected and what happened, the line that reruns it and, when the command
 * kept it, the run's trace; a scenario file that does not parse, or a
 * scenario that cannot be checked as written, is a case in error.
 */
import type { ScenarioCheck } from '../../sim/explore/check-scenarios.ts';
import type { TraceEntry } from '../../sim/trace/trace-recorder.ts';
import type { BrokenScenarioFile } from '../format/scenario-report.ts';
import { runReplayLine } from '../format/replay-line.ts';
import { formatTraceText } from '../format/trace-text.ts';
import type { CiCase, CiSuite } from './ci-case.ts';

/** A built-in scenario as `system/name`; a user's file by its path (as the run command takes them). */
export function scenarioTarget(c: Pick<ScenarioCheck, 'system' | 'scenario'>): string {
  return c.scenario.endsWith('.json') ? c.scenario : `${c.system}/${c.scenario}`;
}

/** The key under which a command hands over the trace of a check it reran. */
export function checkKey(c: Pick<ScenarioCheck, 'system' | 'scenario' | 'design'>): string {
  return `${scenarioTarget(c)} [${c.design}]`;
}

function describe(e: ScenarioCheck['expected']): string {
  return e.ok ? 'ok' : `violates ${e.invariant}`;
}

function checkCase(c: ScenarioCheck, traces: ReadonlyMap<string, readonly TraceEntry[]>): CiCase {
  const base: CiCase = {
    classname: `moneysim.scenarios.${c.system}`,
    name: `${c.scenario} [${c.design}]`,
    properties: [['seed', String(c.seed)], ['expected', describe(c.expected)], ['judged as', c.expectationOf], ['trace hash', c.traceHash]],
  };
  if (c.met) return base;
  const trace = traces.get(checkKey(c));
  return {
    ...base,
    failures: [{
      invariant: c.got.ok ? 'UnexpectedPass' : c.got.invariant ?? 'Violation',
      message: `expected ${describe(c.expected)}, got ${describe(c.got)}${c.message !== '' ? `: ${c.message}` : ''}`,
      replay: runReplayLine(scenarioTarget(c), c.design, c.seed),
      detail: trace === undefined ? '' : `trace:\n${formatTraceText(trace)}`,
    }],
  };
}

export function scenarioSuites(
  checks: readonly ScenarioCheck[],
  broken: readonly BrokenScenarioFile[],
  problems: readonly string[],
  traces: ReadonlyMap<string, readonly TraceEntry[]>,
  timeSeconds?: number,
): CiSuite[] {
  const bySystem = new Map<string, CiCase[]>();
  const add = (system: string, c: CiCase): void => {
    if (!bySystem.has(system)) bySystem.set(system, []);
    bySystem.get(system)!.push(c);
  };
  for (const c of checks) add(c.system, checkCase(c, traces));
  for (const b of broken) add(b.system, { classname: `moneysim.scenarios.${b.system}`, name: `${b.name} (${b.file})`, error: `${b.file}: ${b.message}` });
  for (const p of problems) {
    const system = p.split('/')[0] ?? 'scenarios';
    add(system, { classname: `moneysim.scenarios.${system}`, name: p.split(':')[0] ?? p, error: p });
  }
  const suites = [...bySystem.entries()].map(([system, cases]) => ({ name: `moneysim scenarios ${system}`, cases }));
  // Only the whole command was timed: its time is given when it all belongs to one suite, never guessed per case.
  if (timeSeconds !== undefined && suites.length === 1) return [{ ...suites[0]!, timeSeconds }];
  return suites;
}
