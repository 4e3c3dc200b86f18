/**
 * Runs scenarios of a system and compares each outcome with the one the
 * scenario states. By default every scenario runs against every design it
 * states an expectation for; given one design under test, every scenario
 * runs against that design only, judged by the design's own expectation if
 * the scenario states one and otherwise by the reference's (a user's design
 * should behave like the reference).
 */
import { RandomChoiceSource } from '../choice/random-choice-source.ts';
import type { ScenarioExpectation, ScenarioInfo, SystemDef } from '../systems/system-def.ts';

export interface ScenarioCheck {
  system: string;
  scenario: string;
  design: string;
  seed: number;
  expected: ScenarioExpectation;
  /** Which design's stated expectation `expected` is (the reference's for a user's design). */
  expectationOf: string;
  got: ScenarioExpectation;
  met: boolean;
  message: string;
  traceHash: string;
}

/** A loaded design to check instead of the designs the scenarios name. */
export interface DesignUnderTest {
  name: string;
  design: unknown;
}

export interface ScenarioChecks {
  checks: ScenarioCheck[];
  /** Scenarios that could not be checked as written, each with the reason. */
  problems: string[];
}

export interface CheckOptions {
  /** Default: the system's built-in scenarios. */
  scenarios?: readonly ScenarioInfo[];
  design?: DesignUnderTest;
}

const REFERENCE = 'reference';

export async function checkScenarios(system: SystemDef, options: CheckOptions = {}): Promise<ScenarioChecks> {
  const result: ScenarioChecks = { checks: [], problems: [] };
  for (const scenario of options.scenarios ?? system.scenarios()) {
    const targets = await designsFor(system, scenario, options.design, result.problems);
    for (const target of targets) result.checks.push(await checkOne(system, scenario, target));
  }
  return result;
}

interface Target {
  name: string;
  design: unknown;
  expectationOf: string;
  expected: ScenarioExpectation;
}

/** The designs one scenario is checked against, with the expectation each is judged by. */
async function designsFor(system: SystemDef, scenario: ScenarioInfo, under: DesignUnderTest | undefined, problems: string[]): Promise<Target[]> {
  if (under !== undefined) {
    const expectationOf = scenario.expect[under.name] !== undefined ? under.name : REFERENCE;
    const expected = scenario.expect[expectationOf];
    if (expected === undefined) {
      problems.push(`${system.id}/${scenario.name}: states no expectation for ${under.name} or for the reference design`);
      return [];
    }
    return [{ name: under.name, design: under.design, expectationOf, expected }];
  }
  const entries = Object.entries(scenario.expect);
  if (entries.length === 0) problems.push(`${system.id}/${scenario.name}: states no expectation for any design`);
  const targets: Target[] = [];
  for (const [name, expected] of entries) {
    const loaded = system.designs.some((d) => d.name === name) ? await system.loadDesign(name) : undefined;
    if (loaded === undefined || !loaded.ok) {
      problems.push(`${system.id}/${scenario.name}: "expect.${name}" names no built-in design (known: ${system.designs.map((d) => d.name).join(', ')})`);
      continue;
    }
    targets.push({ name, design: loaded.design, expectationOf: name, expected });
  }
  return targets;
}

async function checkOne(system: SystemDef, scenario: ScenarioInfo, target: Target): Promise<ScenarioCheck> {
  const result = await system.run({
    design: target.design,
    seed: scenario.seed,
    choice: new RandomChoiceSource(scenario.seed),
    keepTrace: false,
    scenario: scenario.name,
  });
  const got: ScenarioExpectation = result.kind === 'pass' ? { ok: true } : { ok: false, invariant: result.violation.invariant };
  const { expected } = target;
  const met = expected.ok ? got.ok : !got.ok && got.invariant === expected.invariant;
  return {
    system: system.id,
    scenario: scenario.name,
    design: target.name,
    seed: scenario.seed,
    expected,
    expectationOf: target.expectationOf,
    got,
    met,
    message: result.kind === 'violation' ? result.violation.message : '',
    traceHash: result.traceHash,
  };
}
