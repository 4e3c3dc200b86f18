/**
 * `moneysim scenarios [<system>] [--design D] [--scenario S]`: runs scenarios
 * and compares each outcome with the one the scenario file expects.
 *
 * Without flags it runs every scenario against every built-in design it
 * names: the CI check, which a naive design that is no longer caught fails as
 * surely as a reference design that breaks. `--design` checks one design (a
 * built-in name or a module path) against every scenario, by that design's
 * own expectation or else the reference's. `--scenario` narrows the run to
 * one scenario, built-in (`system/name`) or a user's file (`./my.json`).
 *
 * A built-in scenario file that does not parse is reported as a failed
 * check naming the file and the field; every other scenario still runs and
 * prints, and the command then exits 2 (bad input) rather than 1.
 */
import type { Command } from 'commander';
import { checkScenarios, type DesignUnderTest, type ScenarioCheck } from '../../sim/explore/check-scenarios.ts';
import { SYSTEMS } from '../../sim/systems/registry.ts';
import type { ScenarioInfo, SystemDef } from '../../sim/systems/system-def.ts';
import { resolveDesign, resolveScenario, resolveSystem, scenarioFileErrors } from '../args/resolve.ts';
import { emitCi } from '../ci/ci-output.ts';
import { scenarioSuites } from '../ci/scenario-cases.ts';
import { unmetTraces } from '../ci/scenario-traces.ts';
import { parseOutputFile } from '../report/output-file.ts';
import { formatScenarioChecks, type BrokenScenarioFile } from '../format/scenario-report.ts';
import { badInput, ok, violation, type Outcome } from '../outcome.ts';
import { printJson, printLine } from '../print.ts';
import type { Report } from './index.ts';

interface ScenariosOptions {
  design?: string;
  scenario?: string;
  json?: boolean;
  junit?: string;
}

interface Plan {
  system: SystemDef;
  /** Undefined: every built-in scenario of the system. */
  scenarios?: ScenarioInfo[];
  design?: DesignUnderTest;
}

export function registerScenarios(program: Command, report: Report): void {
  program
    .command('scenarios')
    .description('Run scenarios against designs and check the expected outcomes')
    .argument('[system]', 'only this system')
    .option('--design <name|path>', "check only this design (a built-in name or a module path), by its own expectation or else the reference's")
    .option('--scenario <system/name|path>', 'check only this scenario, built-in or your own .json file')
    .option('--json', 'print one JSON object')
    .option('--junit <file>', 'also write the checks as JUnit XML (one test case per scenario and design)')
    .action(async (systemId: string | undefined, opts: ScenariosOptions) => report(await scenarios(systemId, opts)));
}

async function scenarios(systemId: string | undefined, opts: ScenariosOptions): Promise<Outcome> {
  const junit = parseOutputFile(opts.junit, '--junit');
  if (!junit.ok) return badInput(junit.message);
  const planned = await plan(systemId, opts);
  if (!planned.ok) return badInput(planned.message);
  const started = performance.now();
  const checks: ScenarioCheck[] = [];
  const problems: string[] = [];
  const broken: BrokenScenarioFile[] = [];
  for (const p of planned.plans) {
    const result = await checkScenarios(p.system, { scenarios: p.scenarios, design: p.design });
    checks.push(...result.checks);
    problems.push(...result.problems);
    if (p.scenarios === undefined) broken.push(...scenarioFileErrors(p.system).map((e) => ({ system: p.system.id, ...e })));
  }
  const elapsedSeconds = (performance.now() - started) / 1000;
  const allMet = checks.every((c) => c.met);
  if (opts.json === true) printJson({ ok: allMet && broken.length === 0 && problems.length === 0, checks, brokenFiles: broken, problems });
  else printLine(formatScenarioChecks(checks, broken, problems));
  const traces = junit.value === null ? new Map() : await unmetTraces(checks, planned.plans);
  const suites = scenarioSuites(checks, broken, problems, traces, elapsedSeconds);
  const ci = emitCi('moneysim scenarios', suites, { junitFile: junit.value, env: process.env });
  if (!ci.ok) return badInput(ci.message);
  if (broken.length > 0 || problems.length > 0) {
    const reasons = [...broken.map((b) => `${b.file}: ${b.message}`), ...problems];
    return badInput(`${reasons.length === 1 ? 'a scenario' : `${reasons.length} scenarios`} could not be checked:\n  ${reasons.join('\n  ')}`);
  }
  return allMet ? ok : violation;
}

type Planned = { ok: true; plans: Plan[] } | { ok: false; message: string };

/** Validates every argument and loads the design before anything runs. */
async function plan(systemId: string | undefined, opts: ScenariosOptions): Promise<Planned> {
  let systems = SYSTEMS.filter((s) => s.status === 'ready');
  if (systemId !== undefined) {
    const system = resolveSystem(systemId);
    if (!system.ok) return system;
    systems = [system.value];
  }
  let only: { system: SystemDef; info: ScenarioInfo } | undefined;
  if (opts.scenario !== undefined) {
    const resolved = resolveScenario(opts.scenario);
    if (!resolved.ok) return { ok: false, message: resolved.message.replace(/^<system>\/<scenario>/, '--scenario') };
    const { system, info } = resolved.value;
    if (systemId !== undefined && system.id !== systemId) {
      return { ok: false, message: `--scenario: "${opts.scenario}" belongs to ${system.id}, not to ${systemId}` };
    }
    only = { system, info };
    systems = [system];
  }
  const plans: Plan[] = [];
  let refused: { ok: false; message: string } | null = null;
  for (const system of systems) {
    let design: DesignUnderTest | undefined;
    if (opts.design !== undefined) {
      const loaded = await resolveDesign(system, opts.design);
      // With no system named, a design module is checked against the systems whose contract it implements.
      if (!loaded.ok && systems.length > 1) {
        refused ??= loaded;
        continue;
      }
      if (!loaded.ok) return loaded;
      design = loaded.value;
    }
    plans.push({ system, scenarios: only === undefined ? undefined : [only.info], design });
  }
  if (plans.length === 0 && refused !== null) return refused;
  return { ok: true, plans };
}
