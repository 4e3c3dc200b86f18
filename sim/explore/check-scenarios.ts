/** Runs every scenario of a system against every design it states an expectation for. */
import { RandomChoiceSource } from '../choice/random-choice-source.ts';
import type { ScenarioExpectation, SystemDef } from '../systems/system-def.ts';

export interface ScenarioCheck {
  system: string;
  scenario: string;
  design: string;
  seed: number;
  expected: ScenarioExpectation;
  got: ScenarioExpectation;
  met: boolean;
  message: string;
  traceHash: string;
}

export async function checkScenarios(system: SystemDef): Promise<ScenarioCheck[]> {
  const checks: ScenarioCheck[] = [];
  for (const scenario of system.scenarios()) {
    for (const [designName, expected] of Object.entries(scenario.expect)) {
      const loaded = await system.loadDesign(designName);
      if (!loaded.ok) throw new Error(`scenario ${scenario.name} names unknown design ${designName}`);
      const result = await system.run({
        design: loaded.design,
        seed: scenario.seed,
        choice: new RandomChoiceSource(scenario.seed),
        keepTrace: false,
        scenario: scenario.name,
      });
      const got: ScenarioExpectation = result.kind === 'pass' ? { ok: true } : { ok: false, invariant: result.violation.invariant };
      const met = expected.ok ? got.ok : !got.ok && got.invariant === expected.invariant;
      checks.push({
        system: system.id,
        scenario: scenario.name,
        design: designName,
        seed: scenario.seed,
        expected,
        got,
        met,
        message: result.kind === 'violation' ? result.violation.message : '',
        traceHash: result.traceHash,
      });
    }
  }
  return checks;
}
