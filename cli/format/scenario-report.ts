/**
 * Text rendering of `moneysim scenarios`: one line per scenario and design,
 * one per scenario file that does not parse, one per scenario that could not
 * be checked as written, then a summary.
 */
import chalk from 'chalk';
import type { ScenarioCheck } from '../../sim/explore/check-scenarios.ts';

export interface BrokenScenarioFile {
  system: string;
  name: string;
  file: string;
  message: string;
}

export function formatScenarioChecks(checks: readonly ScenarioCheck[], broken: readonly BrokenScenarioFile[] = [], problems: readonly string[] = []): string {
  const lines = checks.map((c) => {
    const mark = c.met ? chalk.green('met  ') : chalk.red('UNMET');
    const got = c.got.ok ? 'ok' : `violates ${c.got.invariant}`;
    const want = c.expected.ok ? 'ok' : `violates ${c.expected.invariant}`;
    const detail = c.met ? got : `expected ${want}, got ${got}${c.message ? `: ${c.message}` : ''}`;
    const judgedBy = c.expectationOf === c.design ? '' : `, judged as ${c.expectationOf}`;
    return `${mark} ${scenarioLabel(c.system, c.scenario)} [${c.design}${judgedBy}] ${detail}`;
  });
  for (const b of broken) lines.push(`${chalk.red('BAD  ')} ${b.system}/${b.name} ${b.file}: ${b.message}`);
  for (const p of problems) lines.push(`${chalk.red('BAD  ')} ${p}`);
  const unmet = checks.filter((c) => !c.met).length;
  const summary = unmet === 0 ? `all ${checks.length} expectations met` : `${unmet} of ${checks.length} expectations unmet`;
  const bad = broken.length + problems.length;
  if (bad > 0) lines.push(chalk.red(`${summary}; ${bad} ${bad === 1 ? 'scenario' : 'scenarios'} could not be checked`));
  else lines.push(unmet === 0 ? chalk.green(summary) : chalk.red(summary));
  return lines.join('\n');
}

/** A built-in scenario as `system/name`; a user's file by its path. */
function scenarioLabel(system: string, scenario: string): string {
  return scenario.endsWith('.json') ? scenario : `${system}/${scenario}`;
}
