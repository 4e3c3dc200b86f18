/** Text rendering of `moneysim scenarios`: one line per scenario and design. */
import chalk from 'chalk';
import type { ScenarioCheck } from '../../sim/explore/check-scenarios.ts';

export function formatScenarioChecks(checks: readonly ScenarioCheck[]): string {
  const lines = checks.map((c) => {
    const mark = c.met ? chalk.green('met  ') : chalk.red('UNMET');
    const got = c.got.ok ? 'ok' : `violates ${c.got.invariant}`;
    const want = c.expected.ok ? 'ok' : `violates ${c.expected.invariant}`;
    const detail = c.met ? got : `expected ${want}, got ${got}${c.message ? `: ${c.message}` : ''}`;
    return `${mark} ${c.system}/${c.scenario} [${c.design}] ${detail}`;
  });
  const unmet = checks.filter((c) => !c.met).length;
  lines.push(unmet === 0 ? chalk.green(`all ${checks.length} expectations met`) : chalk.red(`${unmet} of ${checks.length} expectations unmet`));
  return lines.join('\n');
}
