/**
 * `moneysim explore <system>`: explores a design with one strategy (random
 * swarm seeds, PCT priority schedules, or exhaustive enumeration within
 * bounds), shrinks every failure, prints each shrunk failure with the line
 * that replays it and what the exploration covered, and optionally writes a
 * vitest regression test for the failures.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { explore, type ExploreInput } from '../../sim/explore/explore.ts';
import { MAX_SEEDS } from '../../sim/explore/seed-sweep.ts';
import { checkStrategyFlags, parseExternalMode, parseFind, parseShard, parseStrategy } from '../args/explore-flags.ts';
import { parseNonNegativeInt, parsePositiveInt, type Parsed } from '../args/parse-int.ts';
import { resolveDesign, resolveSystem, resolveTraceFormat } from '../args/resolve.ts';
import { emitTestFile } from '../format/emit-test.ts';
import { exploreJson, formatExploreText } from '../format/sweep-report.ts';
import { badInput, ok, violation, type Outcome } from '../outcome.ts';
import { printJson, printLine, progressReporter } from '../print.ts';
import type { Report } from './index.ts';

interface ExploreOptions {
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
  maxSchedules?: string;
  find?: string;
  shrinkRuns?: string;
  workers?: string;
  shard?: string;
  requireCoverage?: boolean;
  reduction?: string;
  emitTest?: string;
  trace?: string;
  json?: boolean;
}

export function registerExplore(program: Command, report: Report): void {
  program
    .command('explore')
    .description('Explore a design for invariant violations (random, pct or exhaustive), shrink each failure, report coverage')
    .argument('<system>', 'system to explore, e.g. bank-transfer')
    .option('--design <name|path>', 'built-in design name or a module path (default: reference)')
    .option('--strategy <name>', 'random (swarm seeds), pct (priority schedules) or exhaustive (bounded enumeration)', 'random')
    .option('--seeds <n>', 'random/pct: number of seeds to run (default 1000)')
    .option('--seed-start <s>', 'random/pct: first seed (default 1)')
    .option('--pct-depth <d>', 'pct: bug depth d, i.e. d-1 priority change points (default 3)')
    .option('--pct-steps <n>', 'pct: schedule choices per run the change points are drawn among (default 50)')
    .option('--max-faults <k>', 'exhaustive: faults per run, all kinds counted together (default 2)')
    .option('--max-steps <choices>', 'exhaustive: branching choice points per run; deeper ones take their simplest option (default 10000)')
    .option('--workload <transfers>', 'exhaustive: transfers in the workload (default 2)')
    .option('--external-mode <mode>', 'exhaustive: idempotent or non-idempotent institution (default idempotent)')
    .option('--max-schedules <n>', 'exhaustive: stop after this many schedules (default 1000000)')
    .option('--reduction <sleep-sets|none>', 'exhaustive: skip orderings of commuting simultaneous events (default sleep-sets)')
    .option('--find <first|all>', 'stop at the first failure, or report the first of each invariant (default: first; all for exhaustive)')
    .option('--shrink-runs <n>', 'replays the shrinker may spend per failure (default 2000)')
    .option('--workers <n>', 'worker threads (default 1: run in this thread)')
    .option('--shard <I/N>', 'run only slice I of N (seeds, or subtrees for exhaustive); the N slices together equal the whole run')
    .option('--require-coverage', 'exit 1 when a declared probe never fired')
    .option('--emit-test <file>', 'write a vitest file replaying each shrunk failure')
    .option('--trace <format>', 'trace format of a failure: text, json or mermaid', 'text')
    .option('--json', 'print one JSON object')
    .action(async (systemId: string, opts: ExploreOptions) => report(await exploreCommand(systemId, opts)));
}

type Flags = Omit<ExploreInput, 'system' | 'design' | 'designName'>;

function parseFlags(opts: ExploreOptions): Parsed<Flags> {
  const strategy = parseStrategy(opts.strategy);
  if (!strategy.ok) return strategy;
  const given = {
    '--max-faults': opts.maxFaults, '--max-steps': opts.maxSteps, '--workload': opts.workload, '--max-schedules': opts.maxSchedules,
    '--external-mode': opts.externalMode, '--reduction': opts.reduction, '--pct-depth': opts.pctDepth, '--pct-steps': opts.pctSteps, '--seeds': opts.seeds, '--seed-start': opts.seedStart,
  };
  const fit = checkStrategyFlags(strategy.value, given);
  if (!fit.ok) return fit;
  const ints = {
    seeds: parsePositiveInt(opts.seeds, '--seeds', 1000),
    seedStart: parseNonNegativeInt(opts.seedStart, '--seed-start', 1),
    depth: parsePositiveInt(opts.pctDepth, '--pct-depth', 3),
    stepsEstimate: parsePositiveInt(opts.pctSteps, '--pct-steps', 50),
    maxFaults: parseNonNegativeInt(opts.maxFaults, '--max-faults', 2),
    maxDepth: parsePositiveInt(opts.maxSteps, '--max-steps', 10_000),
    workload: parsePositiveInt(opts.workload, '--workload', 2),
    maxSchedules: parsePositiveInt(opts.maxSchedules, '--max-schedules', 1_000_000),
    shrinkRuns: parseNonNegativeInt(opts.shrinkRuns, '--shrink-runs', 2000),
    workers: parsePositiveInt(opts.workers, '--workers', 1),
  };
  for (const p of Object.values(ints)) if (!p.ok) return p;
  const v = (k: keyof typeof ints): number => (ints[k] as { value: number }).value;
  if (v('seeds') > MAX_SEEDS) return { ok: false, message: `--seeds must be at most ${MAX_SEEDS} (2^31 - 1), got "${opts.seeds}"` };
  if (v('seedStart') + v('seeds') - 1 > Number.MAX_SAFE_INTEGER) {
    return { ok: false, message: `--seed-start plus --seeds must stay within ${Number.MAX_SAFE_INTEGER}, got ${v('seedStart')} + ${v('seeds')}` };
  }
  if (v('workers') > 64) return { ok: false, message: `--workers must be at most 64, got "${opts.workers}"` };
  const externalMode = parseExternalMode(opts.externalMode);
  if (!externalMode.ok) return externalMode;
  const reduction = opts.reduction ?? 'sleep-sets';
  if (reduction !== 'sleep-sets' && reduction !== 'none') return { ok: false, message: `--reduction must be sleep-sets or none, got "${reduction}"` };
  const find = parseFind(opts.find, strategy.value);
  if (!find.ok) return find;
  const shard = parseShard(opts.shard);
  if (!shard.ok) return shard;
  return {
    ok: true,
    value: {
      strategy: strategy.value,
      seedStart: v('seedStart'),
      seeds: v('seeds'),
      pct: { depth: v('depth'), stepsEstimate: v('stepsEstimate') },
      exhaustive: { maxFaults: v('maxFaults'), maxDepth: v('maxDepth'), workload: v('workload'), externalMode: externalMode.value, maxSchedules: v('maxSchedules'), sleepSets: reduction === 'sleep-sets' },
      stopAtFirst: find.value === 'first',
      shrinkRuns: v('shrinkRuns'),
      workers: v('workers'),
      shard: shard.value,
    },
  };
}

async function exploreCommand(systemId: string, opts: ExploreOptions): Promise<Outcome> {
  const system = resolveSystem(systemId);
  if (!system.ok) return badInput(system.message);
  const flags = parseFlags(opts);
  if (!flags.ok) return badInput(flags.message);
  const format = resolveTraceFormat(opts.trace);
  if (!format.ok) return badInput(format.message);
  if (opts.emitTest !== undefined && !/\.test\.ts$/.test(opts.emitTest)) return badInput(`--emit-test must name a .test.ts file, got "${opts.emitTest}"`);
  const design = await resolveDesign(system.value, opts.design);
  if (!design.ok) return badInput(design.message);
  const progress = progressReporter(`exploring ${system.value.id} / ${design.value.name}`);
  const onProgress = opts.json === true ? undefined : (runs: number): void => progress.update(runs);
  const result = await explore({ system: system.value, design: design.value.design, designName: design.value.name, ...flags.value, onProgress });
  progress.clear();
  const requireCoverage = opts.requireCoverage === true;
  if (opts.json === true) printJson(exploreJson(result, requireCoverage));
  else printLine(formatExploreText(result, format.value, requireCoverage));
  if (result.kind === 'nondeterminism') return { kind: 'internal-error', message: result.message };
  if (opts.emitTest !== undefined && result.kind === 'violation') {
    writeFileSync(opts.emitTest, emitTestFile(opts.emitTest, system.value, result));
    if (opts.json !== true) printLine(`regression test written to ${opts.emitTest}`);
  }
  if (result.kind !== 'pass') return violation;
  return requireCoverage && result.coverage.probesMissed.length > 0 ? violation : ok;
}
