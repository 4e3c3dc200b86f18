/**
 * The traces of unmet scenario checks, for their JUnit failures. Checking
 * scenarios keeps no traces (most runs pass, and the hash is enough); an
 * unmet one is run again, exactly as the check ran it (same design, seed and
 * scenario) but with its trace kept, and kept only if its trace hash matches
 * the check's, so the trace shown is the run that failed.
 */
import { RandomChoiceSource } from '../../sim/choice/random-choice-source.ts';
import type { DesignUnderTest, ScenarioCheck } from '../../sim/explore/check-scenarios.ts';
import type { SystemDef } from '../../sim/systems/system-def.ts';
import type { TraceEntry } from '../../sim/trace/trace-recorder.ts';
import { checkKey } from './scenario-cases.ts';

export interface CheckedSystem {
  system: SystemDef;
  /** The one design checked, when the command was given one. */
  design?: DesignUnderTest;
}

export async function unmetTraces(checks: readonly ScenarioCheck[], plans: readonly CheckedSystem[]): Promise<Map<string, TraceEntry[]>> {
  const traces = new Map<string, TraceEntry[]>();
  for (const c of checks) {
    if (c.met) continue;
    const plan = plans.find((p) => p.system.id === c.system);
    if (plan === undefined) continue;
    let design = plan.design?.design;
    if (design === undefined) {
      const loaded = await plan.system.loadDesign(c.design);
      if (!loaded.ok) continue;
      design = loaded.design;
    }
    const run = await plan.system.run({ design, seed: c.seed, choice: new RandomChoiceSource(c.seed), keepTrace: true, scenario: c.scenario });
    if (run.traceHash === c.traceHash) traces.set(checkKey(c), run.trace);
  }
  return traces;
}
