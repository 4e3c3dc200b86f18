/**
 * The one line a user copies to reproduce a run. Every argument is quoted
 * for the shell where it needs it (a choice vector's `*`, a design path with
 * spaces), so the line pastes into sh, bash and zsh alike.
 */
import { encodeChoices } from '../../sim/choice/choice-vector-codec.ts';
import type { SeedStrategy } from '../../sim/explore/seed-sweep.ts';
import type { RunRecipe } from '../../sim/explore/run-recipe.ts';
import { shellLine } from './shell-quote.ts';

/** Reruns a scenario, built-in (`system/name`) or a user's file, with a seed. */
export function runReplayLine(target: string, design: string, seed: number): string {
  return shellLine(['npx', 'moneysim', 'run', target, '--design', design, '--seed', String(seed)]);
}

/** Replays a scenario run (`scenario` given) or a random-strategy seed. */
export function replayLine(system: string, design: string, seed: number, scenario?: string): string {
  if (scenario !== undefined) return runReplayLine(`${system}/${scenario}`, design, seed);
  return seedReplayLine(system, design, seed, { kind: 'random' });
}

/**
 * Replays a seed of a random or pct sweep: a pct seed only reproduces its
 * run with the same priority schedule, so the line names the strategy and
 * its parameters.
 */
export function seedReplayLine(system: string, design: string, seed: number, strategy: SeedStrategy): string {
  const words = ['npx', 'moneysim', 'replay', system, '--design', design, '--seed', String(seed)];
  if (strategy.kind === 'pct') words.push('--strategy', 'pct', '--pct-depth', String(strategy.depth), '--pct-steps', String(strategy.stepsEstimate));
  for (const [name, value] of Object.entries(strategy.options ?? {})) words.push('--option', `${name}=${value}`);
  return shellLine(words);
}

/**
 * Replays a recorded (usually shrunk) run exactly from its compact choice
 * vector. `choicesMade` is the number of choices that run made (its result's
 * `choices.length`); the vector carries it so that replay can refuse a
 * vector cut short or a run that no longer follows the recorded one.
 */
export function recipeReplayLine(system: string, design: string, recipe: RunRecipe, choicesMade: number): string {
  const words = ['npx', 'moneysim', 'replay', system, '--design', design];
  if (recipe.world === 'exhaustive') words.push('--world', 'exhaustive');
  for (const [name, value] of Object.entries(recipe.options ?? {})) words.push('--option', `${name}=${value}`);
  words.push('--choices', encodeChoices(recipe.choices, choicesMade));
  return shellLine(words);
}
