/**
 * A run recipe: everything needed to reproduce one run exactly without the
 * random generator that first produced it: the world it ran in and the
 * choices it made. Replaying a recipe feeds the recorded choices back
 * through a ReplayChoiceSource, so a shortened or lowered vector (as the
 * shrinker makes) still replays deterministically.
 */
import type { ChoiceSource } from '../choice/choice-source.ts';
import { ReplayChoiceSource } from '../choice/replay-choice-source.ts';
import type { RunResult } from '../run-result.ts';
import type { RunRequest, SystemDef } from '../systems/system-def.ts';
import type { WorldOptionValues } from '../systems/world-options.ts';

export interface RunRecipe {
  /** The seed the run was found with; informational once choices are recorded. */
  seed: number;
  world: 'swarm' | 'exhaustive';
  /** The world's options (the exhaustive world's, or the swarm options of a system that has some). */
  options?: WorldOptionValues;
  choices: number[];
}

export function replayRecipe(system: SystemDef, design: unknown, recipe: RunRecipe, keepTrace: boolean, maxSteps?: number): Promise<RunResult> {
  return system.run(recipeRequest(design, recipe, new ReplayChoiceSource(recipe.choices), keepTrace, maxSteps));
}

/** The run request that replays `recipe` through `choice`. */
export function recipeRequest(design: unknown, recipe: RunRecipe, choice: ChoiceSource, keepTrace: boolean, maxSteps?: number): RunRequest {
  const request: RunRequest = { design, seed: recipe.seed, choice, keepTrace, world: recipe.world, maxSteps };
  if (recipe.options !== undefined) request.options = recipe.options;
  return request;
}

/** Drops trailing zeros, which replay reads back as zeros anyway. */
export function trimChoices(values: readonly number[]): number[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === 0) end--;
  return values.slice(0, end);
}
