/**
 * `moneysim scenarios [<system>]`: runs every scenario against every built-in
 * design and compares the outcome with the one the scenario file expects.
 * This is the CI check: a naive design that is no longer caught fails it as
 * surely as a reference design that breaks.
 */
import type { Command } from 'commander';
import { checkScenarios } from '../../sim/explore/check-scenarios.ts';
import { SYSTEMS } from '../../sim/systems/registry.ts';
import { resolveSystem } from '../args/resolve.ts';
import { formatScenarioChecks } from '../format/scenario-report.ts';
import { badInput, ok, violation, type Outcome } from '../outcome.ts';
import { printJson, printLine } from '../print.ts';
import type { Report } from './index.ts';

export function registerScenarios(program: Command, report: Report): void {
  program
    .command('scenarios')
    .description('Run every scenario against every design and check the expected outcomes')
    .argument('[system]', 'only this system')
    .option('--json', 'print one JSON object')
    .action(async (systemId: string | undefined, opts: { json?: boolean }) => report(await scenarios(systemId, opts)));
}

async function scenarios(systemId: string | undefined, opts: { json?: boolean }): Promise<Outcome> {
  let systems = SYSTEMS.filter((s) => s.status === 'ready');
  if (systemId !== undefined) {
    const system = resolveSystem(systemId);
    if (!system.ok) return badInput(system.message);
    systems = [system.value];
  }
  const checks = [];
  for (const system of systems) checks.push(...(await checkScenarios(system)));
  const allMet = checks.every((c) => c.met);
  if (opts.json === true) printJson({ ok: allMet, checks });
  else printLine(formatScenarioChecks(checks));
  return allMet ? ok : violation;
}
