/**
 * Seed sweeps for the random and pct strategies: consecutive seeds (or one
 * deterministic shard of them), each run from its own choice source, with
 * coverage tallied over every seed run. The first failing run of each
 * invariant is kept; with `stopAtFirst` the sweep ends at the first failure,
 * so the seeds it counts are exactly the seeds up to and including it.
 *
 * Seeds are never materialised: a shard's seeds are an arithmetic range
 * (first, step, count) walked lazily, so a sweep of two billion seeds needs
 * no more memory than one of ten.
 */
import type { WorldOptionValues } from '../systems/world-options.ts';
import type { ChoiceSource } from '../choice/choice-source.ts';
import { PctChoiceSource } from '../choice/pct-choice-source.ts';
import { RandomChoiceSource } from '../choice/random-choice-source.ts';
import type { RunResult } from '../run-result.ts';
import type { SystemDef } from '../systems/system-def.ts';
import { RunTally } from './run-tally.ts';

/**
 * How a sweep draws each seed's choices, and the options of the swarm world
 * it runs (a system's options that apply to every world, such as the
 * database's isolation level); a seed replays only with both.
 */
export type SeedStrategy = ({ kind: 'random' } | { kind: 'pct'; depth: number; stepsEstimate: number }) & { options?: WorldOptionValues };

/** The most seeds one sweep may run (2^31 - 1); `seedStart + seeds` must also stay a safe integer. */
export const MAX_SEEDS = 2 ** 31 - 1;

export interface Shard {
  /** 1-based index of this slice. */
  index: number;
  count: number;
}

/** Seeds first, first + step, ..., `count` of them. */
export interface SeedRange {
  first: number;
  step: number;
  count: number;
}

export interface SeedSweepInput {
  system: SystemDef;
  design: unknown;
  strategy: SeedStrategy;
  seedStart: number;
  seeds: number;
  shard: Shard | null;
  stopAtFirst: boolean;
  maxSteps?: number;
  /** Wall-clock instant (ms since the epoch) after which no new seed starts; the seeds run so far are a prefix of the range. */
  deadlineEpochMs?: number;
  onRun?: (done: number) => void;
}

export interface SeedSweepOutcome {
  tally: RunTally;
  failures: RunResult[];
}

/** The one place that builds the choice source of a seed: sweeps, workers and `replay --seed` all call it. */
export function sourceFor(strategy: SeedStrategy, seed: number): ChoiceSource {
  return strategy.kind === 'pct' ? new PctChoiceSource(seed, strategy.depth, strategy.stepsEstimate) : new RandomChoiceSource(seed);
}

/** The seeds of a sweep that belong to `shard`: sweep positions i with i mod N = I - 1, as a range. */
export function shardRange(seedStart: number, seeds: number, shard: Shard | null): SeedRange {
  if (shard === null) return { first: seedStart, step: 1, count: seeds };
  const offset = shard.index - 1;
  return { first: seedStart + offset, step: shard.count, count: seeds > offset ? Math.ceil((seeds - offset) / shard.count) : 0 };
}

/** The part of `range` from position `from` (inclusive) to `to` (exclusive). */
export function subRange(range: SeedRange, from: number, to: number): SeedRange {
  return { first: range.first + from * range.step, step: range.step, count: Math.max(0, Math.min(to, range.count) - from) };
}

export function* seedsOf(range: SeedRange): Generator<number> {
  for (let i = 0; i < range.count; i++) yield range.first + i * range.step;
}

/** Whether `failures` already holds a failure of the invariant `result` breaks. */
export function isNewFailure(failures: readonly RunResult[], result: RunResult): boolean {
  return result.kind === 'violation' && !failures.some((f) => f.kind === 'violation' && f.violation.invariant === result.violation.invariant);
}

/** Whether a time limit's deadline has passed; the clock reads alike in every thread. */
export function pastDeadline(deadlineEpochMs: number | undefined): boolean {
  return deadlineEpochMs !== undefined && performance.timeOrigin + performance.now() >= deadlineEpochMs;
}

/** Lets other work of this thread (stream writes, worker messages) run. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs between turns of the event loop while someone watches progress. */
export const PROGRESS_YIELD_RUNS = 64;

export async function sweepSeeds(input: SeedSweepInput): Promise<SeedSweepOutcome> {
  const tally = new RunTally(input.system);
  const failures: RunResult[] = [];
  for (const seed of seedsOf(shardRange(input.seedStart, input.seeds, input.shard))) {
    const result = await input.system.run({ design: input.design, seed, choice: sourceFor(input.strategy, seed), options: input.strategy.options, keepTrace: false, maxSteps: input.maxSteps });
    tally.add(result);
    if (input.onRun !== undefined) {
      input.onRun(tally.runs);
      // A progress line is written through a stream that only flushes when the event loop turns.
      if (tally.runs % PROGRESS_YIELD_RUNS === 0) await yieldToEventLoop();
    }
    if (isNewFailure(failures, result)) {
      failures.push(result);
      if (input.stopAtFirst) break;
    }
    if (pastDeadline(input.deadlineEpochMs)) break;
  }
  return { tally, failures };
}
