/**
 * `moneysim explore`'s raw options and their validation into the explorer's
 * input. Every problem is a message naming the flag (exit code 2), found
 * before any run starts.
 */
import { DEFAULT_DETERMINISM_SAMPLES } from '../../sim/explore/check-determinism.ts';
import type { ExploreInput } from '../../sim/explore/explore.ts';
import { MAX_SEEDS } from '../../sim/explore/seed-sweep.ts';
import { checkStrategyFlags, parseFind, parseShard, parseStrategy } from './explore-flags.ts';
import { parseNonNegativeInt, parsePositiveInt, type Parsed } from './parse-int.ts';
import { parseTimeLimit } from './time-limit.ts';

export interface ExploreOptions {
  design?: string;
  strategy?: string;
  seeds?: string;
  seedStart?: string;
  pctDepth?: string;
  pctSteps?: string;
  maxFaults?: string;
  maxSteps?: string;
  workload?: string;
  externalMode?: string;
  /** `--option name=value`, repeatable: the exhaustive world's options. */
  option?: string[];
  maxSchedules?: string;
  find?: string;
  shrinkRuns?: string;
  workers?: string;
  shard?: string;
  requireCoverage?: boolean;
  reduction?: string;
  /** `true` when given without a value. */
  checkDeterminism?: string | boolean;
  emitTest?: string;
  emitTestKind?: string;
  trace?: string;
  json?: boolean;
  timeLimit?: string;
  junit?: string;
  report?: string;
}

/** The explorer's input without what the command resolves itself, plus how many seeds to re-run (null: no check). */
export type ExploreFlags = Omit<ExploreInput, 'system' | 'design' | 'designName'> & { determinismSamples: number | null; timeLimitMs: number | null };

function parseDeterminism(raw: string | boolean | undefined): Parsed<number | null> {
  if (raw === undefined) return { ok: true, value: null };
  if (raw === true) return { ok: true, value: DEFAULT_DETERMINISM_SAMPLES };
  return parsePositiveInt(String(raw), '--check-determinism', DEFAULT_DETERMINISM_SAMPLES);
}

export function parseExploreFlags(opts: ExploreOptions): Parsed<ExploreFlags> {
  const strategy = parseStrategy(opts.strategy);
  if (!strategy.ok) return strategy;
  const given = {
    '--max-faults': opts.maxFaults, '--max-steps': opts.maxSteps, '--workload': opts.workload, '--max-schedules': opts.maxSchedules,
    '--external-mode': opts.externalMode, '--reduction': opts.reduction, '--pct-depth': opts.pctDepth, '--pct-steps': opts.pctSteps, '--seeds': opts.seeds, '--seed-start': opts.seedStart,
    '--check-determinism': opts.checkDeterminism, '--time-limit': opts.timeLimit,
    '--option': opts.option === undefined || opts.option.length === 0 ? undefined : opts.option,
  };
  const fit = checkStrategyFlags(strategy.value, given);
  if (!fit.ok) return fit;
  const timeLimit = parseTimeLimit(opts.timeLimit);
  if (!timeLimit.ok) return timeLimit;
  const ints = {
    // With a time limit and no seed count, the budget alone ends the sweep.
    seeds: parsePositiveInt(opts.seeds, '--seeds', timeLimit.value === null ? 1000 : MAX_SEEDS),
    seedStart: parseNonNegativeInt(opts.seedStart, '--seed-start', 1),
    depth: parsePositiveInt(opts.pctDepth, '--pct-depth', 3),
    stepsEstimate: parsePositiveInt(opts.pctSteps, '--pct-steps', 50),
    maxFaults: parseNonNegativeInt(opts.maxFaults, '--max-faults', 2),
    maxDepth: parsePositiveInt(opts.maxSteps, '--max-steps', 10_000),
    maxSchedules: parsePositiveInt(opts.maxSchedules, '--max-schedules', 1_000_000),
    shrinkRuns: parseNonNegativeInt(opts.shrinkRuns, '--shrink-runs', 2000),
    workers: parsePositiveInt(opts.workers, '--workers', 1),
  };
  for (const p of Object.values(ints)) if (!p.ok) return p;
  const v = (k: keyof typeof ints): number => (ints[k] as { value: number }).value;
  if (v('seeds') > MAX_SEEDS) return { ok: false, message: `--seeds must be at most ${MAX_SEEDS} (2^31 - 1), got "${opts.seeds}"` };
  // Compared this way round so that the sum is never computed beyond the safe integers.
  if (v('seeds') - 1 > Number.MAX_SAFE_INTEGER - v('seedStart')) {
    return { ok: false, message: `--seed-start plus --seeds must stay within ${Number.MAX_SAFE_INTEGER}, got ${v('seedStart')} + ${v('seeds')}` };
  }
  if (v('workers') > 64) return { ok: false, message: `--workers must be at most 64, got "${opts.workers}"` };
  const reduction = opts.reduction ?? 'sleep-sets';
  if (reduction !== 'sleep-sets' && reduction !== 'none') return { ok: false, message: `--reduction must be sleep-sets or none, got "${reduction}"` };
  const find = parseFind(opts.find, strategy.value);
  if (!find.ok) return find;
  const shard = parseShard(opts.shard);
  if (!shard.ok) return shard;
  const determinism = parseDeterminism(opts.checkDeterminism);
  if (!determinism.ok) return determinism;
  return {
    ok: true,
    value: {
      strategy: strategy.value,
      seedStart: v('seedStart'),
      seeds: v('seeds'),
      pct: { depth: v('depth'), stepsEstimate: v('stepsEstimate') },
      // The world's options depend on the system; the command resolves them (world-option-flags.ts).
      exhaustive: { maxFaults: v('maxFaults'), maxDepth: v('maxDepth'), options: {}, maxSchedules: v('maxSchedules'), sleepSets: reduction === 'sleep-sets' },
      stopAtFirst: find.value === 'first',
      shrinkRuns: v('shrinkRuns'),
      workers: v('workers'),
      shard: shard.value,
      determinismSamples: determinism.value,
      timeLimitMs: timeLimit.value,
    },
  };
}
