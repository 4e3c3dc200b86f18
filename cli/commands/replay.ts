/**
 * `moneysim replay <system> --design D (--seed S | --choices C)`: re-runs
 * one run with its full trace, either from the seed an explore sweep found
 * (the random generator redraws every choice) or exactly from a recorded
 * choice vector, as printed on a shrunk failure's replay line. `--choices`
 * takes the compact encoding, or `@file` holding it.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { decodeChoices } from '../../sim/choice/choice-vector-codec.ts';
import { RandomChoiceSource } from '../../sim/choice/random-choice-source.ts';
import { replayRecipe, type RunRecipe } from '../../sim/explore/run-recipe.ts';
import type { RunResult } from '../../sim/run-result.ts';
import { parseExternalMode, parseWorld } from '../args/explore-flags.ts';
import { parseNonNegativeInt, parsePositiveInt, type Parsed } from '../args/parse-int.ts';
import { resolveDesign, resolveSystem, resolveTraceFormat } from '../args/resolve.ts';
import { recipeReplayLine, replayLine } from '../format/replay-line.ts';
import { formatRunText, runJson } from '../format/run-report.ts';
import { badInput, ok, violation, type Outcome } from '../outcome.ts';
import { printJson, printLine } from '../print.ts';
import type { Report } from './index.ts';

interface ReplayOptions {
  design?: string;
  seed?: string;
  choices?: string;
  world?: string;
  workload?: string;
  externalMode?: string;
  trace?: string;
  json?: boolean;
}

export function registerReplay(program: Command, report: Report): void {
  program
    .command('replay')
    .description('Replay one run with its full trace: an explored seed, or an exact recorded choice vector')
    .argument('<system>', 'system, e.g. bank-transfer')
    .option('--design <name|path>', 'design the run was explored with (default: reference)')
    .option('--seed <s>', 'the seed to replay (needed unless --choices is given)')
    .option('--choices <encoded|@file>', 'replay exactly this recorded choice vector (from a replay line)')
    .option('--world <swarm|exhaustive>', 'the generated world the run used (default swarm)')
    .option('--workload <transfers>', 'transfers of the exhaustive world (default 2)')
    .option('--external-mode <mode>', 'institution mode of the exhaustive world (default idempotent)')
    .option('--trace <format>', 'text, json or mermaid', 'text')
    .option('--json', 'print one JSON object')
    .action(async (systemId: string, opts: ReplayOptions) => report(await replay(systemId, opts)));
}

function readChoices(raw: string): Parsed<number[]> {
  let text = raw;
  if (raw.startsWith('@')) {
    try {
      text = readFileSync(raw.slice(1), 'utf8');
    } catch {
      return { ok: false, message: `--choices: cannot read file "${raw.slice(1)}"` };
    }
  }
  const decoded = decodeChoices(text);
  return decoded.ok ? { ok: true, value: decoded.values } : { ok: false, message: `--choices: ${decoded.message}` };
}

function parseRecipe(opts: ReplayOptions): Parsed<{ recipe: RunRecipe; fromChoices: boolean }> {
  const world = parseWorld(opts.world);
  if (!world.ok) return world;
  const workload = parsePositiveInt(opts.workload, '--workload', 2);
  if (!workload.ok) return workload;
  const externalMode = parseExternalMode(opts.externalMode);
  if (!externalMode.ok) return externalMode;
  if (world.value !== 'exhaustive' && (opts.workload !== undefined || opts.externalMode !== undefined)) {
    return { ok: false, message: `${opts.workload !== undefined ? '--workload' : '--external-mode'} applies to --world exhaustive only` };
  }
  if (opts.seed === undefined && opts.choices === undefined) return { ok: false, message: '--seed or --choices is required' };
  const seed = parseNonNegativeInt(opts.seed, '--seed', 0);
  if (!seed.ok) return seed;
  const choices: Parsed<number[]> = opts.choices === undefined ? { ok: true, value: [] } : readChoices(opts.choices);
  if (!choices.ok) return choices;
  const recipe: RunRecipe = { seed: seed.value, world: world.value, choices: choices.value };
  if (world.value === 'exhaustive') Object.assign(recipe, { workload: workload.value, externalMode: externalMode.value });
  return { ok: true, value: { recipe, fromChoices: opts.choices !== undefined } };
}

async function replay(systemId: string, opts: ReplayOptions): Promise<Outcome> {
  const system = resolveSystem(systemId);
  if (!system.ok) return badInput(system.message);
  const parsed = parseRecipe(opts);
  if (!parsed.ok) return badInput(parsed.message);
  const format = resolveTraceFormat(opts.trace);
  if (!format.ok) return badInput(format.message);
  const design = await resolveDesign(system.value, opts.design);
  if (!design.ok) return badInput(design.message);
  const { recipe, fromChoices } = parsed.value;
  let result: RunResult;
  let line: string;
  if (fromChoices) {
    result = await replayRecipe(system.value, design.value.design, recipe, true);
    line = recipeReplayLine(system.value.id, design.value.name, recipe);
  } else {
    const request = { design: design.value.design, seed: recipe.seed, choice: new RandomChoiceSource(recipe.seed), keepTrace: true, world: recipe.world };
    result = await system.value.run(recipe.world === 'exhaustive' ? { ...request, workload: recipe.workload, externalMode: recipe.externalMode } : request);
    line = replayLine(system.value.id, design.value.name, recipe.seed);
  }
  if (opts.json === true) printJson(runJson(system.value.id, result, line, format.value));
  else printLine(formatRunText(result, line, format.value, true, fromChoices ? 'recorded choices' : `seed ${recipe.seed}`));
  return result.kind === 'pass' ? ok : violation;
}
