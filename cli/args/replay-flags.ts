/**
 * Validation of `moneysim replay`'s flags into what to replay: a seed with
 * the strategy that drew its choices, or a recorded choice vector. Every
 * problem is a message naming the flag (exit code 2), found before any run.
 */
import { readFileSync } from 'node:fs';
import { decodeChoices } from '../../sim/choice/choice-vector-codec.ts';
import type { RunRecipe } from '../../sim/explore/run-recipe.ts';
import type { SeedStrategy } from '../../sim/explore/seed-sweep.ts';
import { parseWorld } from './explore-flags.ts';
import { parseNonNegativeInt, parsePositiveInt, type Parsed } from './parse-int.ts';

export interface ReplayOptions {
  design?: string;
  seed?: string;
  choices?: string;
  strategy?: string;
  pctDepth?: string;
  pctSteps?: string;
  world?: string;
  workload?: string;
  externalMode?: string;
  /** `--option name=value`, repeatable: the exhaustive world's options. */
  option?: string[];
  trace?: string;
  json?: boolean;
  report?: string;
}

/** From a seed, the choice source is rebuilt from the strategy; from choices, the run must make exactly `choicesMade`. */
export type ReplayPlan =
  | { kind: 'seed'; recipe: RunRecipe; strategy: SeedStrategy }
  | { kind: 'choices'; recipe: RunRecipe; choicesMade: number };

function readChoices(raw: string): Parsed<{ values: number[]; choicesMade: number }> {
  let text = raw;
  if (raw.startsWith('@')) {
    try {
      text = readFileSync(raw.slice(1), 'utf8');
    } catch {
      return { ok: false, message: `--choices: cannot read file "${raw.slice(1)}"` };
    }
  }
  const decoded = decodeChoices(text);
  if (!decoded.ok) return { ok: false, message: `--choices: ${decoded.message}` };
  if (decoded.choicesMade === undefined) {
    // Without the count, a vector cut short while copying would silently replay a different run.
    return { ok: false, message: '--choices: the vector does not end in ~N (the number of choices of the recorded run); it may have been cut short when copied. Copy the whole replay line moneysim printed' };
  }
  return { ok: true, value: { values: decoded.values, choicesMade: decoded.choicesMade } };
}

function parseStrategy(opts: ReplayOptions): Parsed<SeedStrategy> {
  const name = opts.strategy ?? 'random';
  if (name !== 'random' && name !== 'pct') return { ok: false, message: `--strategy must be random or pct, got "${name}"` };
  if (name === 'random') {
    const stray = opts.pctDepth !== undefined ? '--pct-depth' : opts.pctSteps !== undefined ? '--pct-steps' : null;
    return stray === null ? { ok: true, value: { kind: 'random' } } : { ok: false, message: `${stray} applies to --strategy pct only` };
  }
  const depth = parsePositiveInt(opts.pctDepth, '--pct-depth', 3);
  if (!depth.ok) return depth;
  const steps = parsePositiveInt(opts.pctSteps, '--pct-steps', 50);
  if (!steps.ok) return steps;
  return { ok: true, value: { kind: 'pct', depth: depth.value, stepsEstimate: steps.value } };
}

export function parseReplayPlan(opts: ReplayOptions): Parsed<ReplayPlan> {
  const world = parseWorld(opts.world);
  if (!world.ok) return world;
  // `--option` values are checked against the world they shape when the system resolves them.
  if (world.value !== 'exhaustive' && (opts.workload !== undefined || opts.externalMode !== undefined)) {
    const flag = opts.workload !== undefined ? '--workload' : '--external-mode';
    return { ok: false, message: `${flag} applies to --world exhaustive only` };
  }
  if (opts.seed === undefined && opts.choices === undefined) return { ok: false, message: '--seed or --choices is required' };
  // A recorded vector fixes every choice, the seed's included; accepting both would silently ignore one.
  if (opts.seed !== undefined && opts.choices !== undefined) return { ok: false, message: '--seed and --choices exclude each other: give one' };
  // The exhaustive world's options depend on the system; the command resolves them into the recipe.
  const base: RunRecipe = { seed: 0, world: world.value, choices: [] };
  if (opts.choices !== undefined) {
    for (const flag of ['strategy', 'pctDepth', 'pctSteps'] as const) {
      if (opts[flag] !== undefined) return { ok: false, message: `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} applies to --seed replays only (a choice vector already fixes every choice)` };
    }
    const choices = readChoices(opts.choices);
    if (!choices.ok) return choices;
    return { ok: true, value: { kind: 'choices', recipe: { ...base, choices: choices.value.values }, choicesMade: choices.value.choicesMade } };
  }
  const seed = parseNonNegativeInt(opts.seed, '--seed', 0);
  if (!seed.ok) return seed;
  const strategy = parseStrategy(opts);
  if (!strategy.ok) return strategy;
  return { ok: true, value: { kind: 'seed', recipe: { ...base, seed: seed.value }, strategy: strategy.value } };
}
