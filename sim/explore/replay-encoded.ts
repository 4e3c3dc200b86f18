/**
 * Replays a run from the compact text a replay line or an emitted
 * regression test carries: system, design, world and encoded choices.
 * Problems with the input come back as values naming the field.
 */
import { decodeChoices } from '../choice/choice-vector-codec.ts';
import type { RunResult } from '../run-result.ts';
import { findSystem } from '../systems/registry.ts';
import type { WorldOptionValues } from '../systems/world-options.ts';
import { replayRecipe, type RunRecipe } from './run-recipe.ts';

export interface EncodedRun {
  system: string;
  design: string;
  world: 'swarm' | 'exhaustive';
  /** The exhaustive world's options (defaults fill in what is missing). */
  options?: WorldOptionValues;
  /** As printed by encodeChoices. */
  choices: string;
  seed?: number;
}

export type EncodedReplay = { ok: true; run: RunResult } | { ok: false; message: string };

export async function replayEncoded(spec: EncodedRun, keepTrace = false): Promise<EncodedReplay> {
  const system = findSystem(spec.system);
  if (system === undefined || system.status !== 'ready') return { ok: false, message: `system: unknown or not ready "${spec.system}"` };
  const loaded = await system.loadDesign(spec.design);
  if (!loaded.ok) return { ok: false, message: loaded.message };
  const decoded = decodeChoices(spec.choices);
  if (!decoded.ok) return { ok: false, message: `choices: ${decoded.message}` };
  const recipe: RunRecipe = { seed: spec.seed ?? 0, world: spec.world, options: spec.options, choices: decoded.values };
  return { ok: true, run: await replayRecipe(system, loaded.design, recipe, keepTrace) };
}

/**
 * What an emitted regression test asserts on: replays `run` and returns the
 * invariant it violates, or 'pass'. A run that cannot be replayed (an unknown
 * system or design) is an error, not an outcome.
 */
export async function replayOutcome(run: EncodedRun): Promise<string> {
  console.log(`replaying ${run.system} / ${run.design} with choices ${run.choices}`);
  const replayed = await replayEncoded(run);
  if (!replayed.ok) throw new Error(replayed.message);
  return replayed.run.kind === 'violation' ? replayed.run.violation.invariant : 'pass';
}
