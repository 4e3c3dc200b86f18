/**
 * Turns one failing run found by any strategy into a failure report: checks
 * that its recorded choices replay to the same trace, shrinks it, replays the
 * shrunk recipe twice with its trace kept (the two must agree, or moneysim
 * has a determinism bug), and measures both ends.
 */
import type { RunResult, Violation } from '../run-result.ts';
import type { SystemDef } from '../systems/system-def.ts';
import { replayRecipe, trimChoices, type RunRecipe } from './run-recipe.ts';
import { shrink } from './shrink.ts';

/** How big a failing run is; `transfers` and other system sizes come from SystemDef.measure. */
export type RunSizes = Record<string, number>;

export interface FailureReport {
  violation: Violation;
  /** The run as found, and its sizes. */
  found: { recipe: RunRecipe; sizes: RunSizes; traceHash: string; violation: Violation; config: string[] };
  /** The shrunk run: its recipe, sizes and traced result (violation of the same invariant). */
  shrunk: { recipe: RunRecipe; sizes: RunSizes; run: RunResult; runs: number; budgetSpent: boolean };
}

export type MinimiseOutcome = { kind: 'ok'; report: FailureReport } | { kind: 'nondeterminism'; message: string };

export function sizesOf(system: SystemDef, run: RunResult): RunSizes {
  let faults = 0;
  for (const v of Object.values(run.faultsFired)) faults += v;
  return { ...(system.measure?.(run) ?? {}), faults, choices: trimChoices(run.choices).length, events: run.events };
}

export async function minimiseFailure(
  system: SystemDef,
  design: unknown,
  found: RunResult,
  recipe: RunRecipe,
  shrinkRuns: number,
  maxSteps?: number,
): Promise<MinimiseOutcome> {
  if (found.kind !== 'violation') throw new Error('minimiseFailure needs a failing run');
  const invariant = found.violation.invariant;
  const replayed = await replayRecipe(system, design, recipe, true, maxSteps);
  if (replayed.traceHash !== found.traceHash) {
    return { kind: 'nondeterminism', message: `the recorded choices of the ${invariant} failure replay to trace hash ${replayed.traceHash}, not ${found.traceHash}` };
  }
  const shrunk = await shrink({ system, design, recipe, invariant, maxRuns: shrinkRuns, maxSteps });
  const first = await replayRecipe(system, design, shrunk.recipe, true, maxSteps);
  const second = await replayRecipe(system, design, shrunk.recipe, true, maxSteps);
  if (first.traceHash !== second.traceHash) {
    return { kind: 'nondeterminism', message: `the shrunk ${invariant} failure gave trace hash ${first.traceHash}, then ${second.traceHash}` };
  }
  if (first.kind !== 'violation') throw new Error(`shrunk ${invariant} failure no longer fails`);
  return {
    kind: 'ok',
    report: {
      violation: first.violation,
      found: { recipe, sizes: sizesOf(system, replayed), traceHash: found.traceHash, violation: found.violation, config: found.config },
      shrunk: { recipe: shrunk.recipe, sizes: sizesOf(system, first), run: first, runs: shrunk.runs, budgetSpent: shrunk.budgetSpent },
    },
  };
}
