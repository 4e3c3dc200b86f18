/**
 * Shrinking a failing run to its essence by delta debugging over its
 * recorded choices.
 *
 * A candidate is a changed choice vector (or, in the exhaustive world, a
 * smaller workload) that is replayed from scratch; it is kept only if the run
 * still violates the same invariant and the vector it actually consumed is
 * smaller. "Smaller" compares, in order: the number of choices, the sum of
 * their values, then the sum of value times position; every pass strictly
 * lowers that key, so shrinking terminates. Passes, repeated until none
 * helps or the run budget is spent:
 *
 * - less work: the same vector against smaller values of the exhaustive
 *   world's shrinkable options (fewer transfers, say);
 * - deletion: cut chunks of choices, halving the chunk size down to one
 *   (fewer events, fewer swarm switches and transfers, shorter runs);
 * - lowering: set each non-zero choice to 0, else to lower values (fewer
 *   faults, simpler schedules, smaller draws);
 * - earlier faults: move each fault decision that fired to an earlier fault
 *   decision point.
 */
import { ReplayChoiceSource } from '../choice/replay-choice-source.ts';
import type { ChoiceKind } from '../choice/choice-source.ts';
import type { RunResult } from '../run-result.ts';
import type { SystemDef } from '../systems/system-def.ts';
import { recipeRequest, trimChoices, type RunRecipe } from './run-recipe.ts';

export interface ShrinkInput {
  system: SystemDef;
  design: unknown;
  recipe: RunRecipe;
  /** The invariant every kept candidate must still violate. */
  invariant: string;
  /** Replays the shrinker may spend. */
  maxRuns: number;
  maxSteps?: number;
}

export interface ShrinkOutcome {
  recipe: RunRecipe;
  runs: number;
  /** True when the budget ran out before no pass could shrink further. */
  budgetSpent: boolean;
}

type Key = [number, number, number];

function keyOf(values: readonly number[]): Key {
  let sum = 0;
  let weighted = 0;
  values.forEach((v, i) => {
    sum += v;
    weighted += v * i;
  });
  return [values.length, sum, weighted];
}

function smaller(a: Key, b: Key): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

class Shrinker {
  runs = 0;
  recipe: RunRecipe;
  kinds: ChoiceKind[] = [];

  constructor(private readonly input: ShrinkInput) {
    this.recipe = { ...input.recipe, choices: trimChoices(input.recipe.choices) };
  }

  /** Replays the original once: normalises its vector and learns each choice's kind. */
  async start(): Promise<void> {
    this.runs++;
    const source = new ReplayChoiceSource(this.recipe.choices);
    const { system, design, invariant, maxSteps } = this.input;
    const result = await system.run(recipeRequest(design, this.recipe, source, false, maxSteps));
    if (result.kind !== 'violation' || result.violation.invariant !== invariant) return;
    this.recipe = { ...this.recipe, choices: trimChoices(source.log.values) };
    this.kinds = source.log.kinds.slice(0, this.recipe.choices.length);
  }

  get spent(): boolean {
    return this.runs >= this.input.maxRuns;
  }

  /** Replays a candidate; keeps it when it still fails the same way and is smaller. */
  async offer(candidate: RunRecipe): Promise<boolean> {
    if (this.spent) return false;
    this.runs++;
    const source = new ReplayChoiceSource(candidate.choices);
    const { system, design, invariant, maxSteps } = this.input;
    const result: RunResult = await system.run(recipeRequest(design, candidate, source, false, maxSteps));
    if (result.kind !== 'violation' || result.violation.invariant !== invariant) return false;
    const used = trimChoices(source.log.values);
    const workShrank = this.shrinkable().some((name) => Number(candidate.options?.[name] ?? 0) < Number(this.recipe.options?.[name] ?? 0));
    if (!workShrank && !smaller(keyOf(used), keyOf(this.recipe.choices))) return false;
    this.recipe = { ...candidate, choices: used };
    this.kinds = source.log.kinds.slice(0, used.length);
    return true;
  }

  /** Names of the exhaustive world's options the shrinker may lower. */
  shrinkable(): string[] {
    return this.input.system.worldOptions.filter((d) => d.shrinkable === true && d.kind === 'int').map((d) => d.name);
  }

  async lessWork(): Promise<boolean> {
    if (this.recipe.world !== 'exhaustive') return false;
    for (const name of this.shrinkable()) {
      const decl = this.input.system.worldOptions.find((d) => d.name === name)!;
      const current = Number(this.recipe.options?.[name] ?? decl.default);
      for (let smallerValue = decl.min ?? 1; smallerValue < current; smallerValue++) {
        if (await this.offer({ ...this.recipe, options: { ...this.recipe.options, [name]: smallerValue } })) return true;
      }
    }
    return false;
  }

  async deleteChunks(): Promise<boolean> {
    let progress = false;
    for (let size = Math.max(1, this.recipe.choices.length >> 1); size >= 1; size >>= 1) {
      // From the end backwards: a kept cut leaves every choice before it where it was.
      for (let start = this.recipe.choices.length - size; start >= 0; start -= size) {
        // Candidates of a long vector are costly to build: stop as soon as the budget is spent.
        if (this.spent) return progress;
        const v = this.recipe.choices;
        if (start + size > v.length) continue;
        if (await this.offer({ ...this.recipe, choices: [...v.slice(0, start), ...v.slice(start + size)] })) progress = true;
      }
    }
    return progress;
  }

  async lowerValues(): Promise<boolean> {
    let progress = false;
    for (let i = 0; i < this.recipe.choices.length; i++) {
      if (this.spent) return progress;
      const v = this.recipe.choices[i]!;
      if (v === 0) continue;
      for (const lower of v > 1 ? [0, v >> 1, v - 1] : [0]) {
        const candidate = [...this.recipe.choices];
        candidate[i] = lower;
        if (await this.offer({ ...this.recipe, choices: candidate })) {
          progress = true;
          break;
        }
      }
    }
    return progress;
  }

  async earlierFaults(): Promise<boolean> {
    let progress = false;
    for (let j = 0; j < this.recipe.choices.length; j++) {
      if (this.spent) return progress;
      if (this.kinds[j] !== 'fault' || this.recipe.choices[j] === 0) continue;
      for (let i = 0; i < j; i++) {
        if (this.kinds[i] !== 'fault' || this.recipe.choices[i] !== 0) continue;
        const candidate = [...this.recipe.choices];
        candidate[i] = candidate[j]!;
        candidate[j] = 0;
        if (await this.offer({ ...this.recipe, choices: candidate })) {
          progress = true;
          break;
        }
      }
    }
    return progress;
  }
}

export async function shrink(input: ShrinkInput): Promise<ShrinkOutcome> {
  const s = new Shrinker(input);
  await s.start();
  for (;;) {
    let progress = await s.lessWork();
    progress = (await s.deleteChunks()) || progress;
    progress = (await s.lowerValues()) || progress;
    progress = (await s.earlierFaults()) || progress;
    if (!progress || s.spent) break;
  }
  return { recipe: s.recipe, runs: s.runs, budgetSpent: s.spent };
}
