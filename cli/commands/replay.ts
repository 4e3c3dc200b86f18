/**
 * `moneysim replay <system> --design D (--seed S | --choices C)`: re-runs
 * one run with its full trace, either from the seed an explore sweep found
 * (the seed's choice source, random or pct, redraws every choice) or exactly
 * from a recorded choice vector, as printed on a shrunk failure's replay
 * line. `--choices` takes the compact encoding, or `@file` holding it.
 */
import type { Command } from 'commander';
import { replayRecipe, recipeRequest } from '../../sim/explore/run-recipe.ts';
import { sourceFor } from '../../sim/explore/seed-sweep.ts';
import type { RunResult } from '../../sim/run-result.ts';
import { parseReplayPlan, type ReplayOptions } from '../args/replay-flags.ts';
import { collectOption, resolveOptionFlags } from '../args/world-option-flags.ts';
import { resolveDesign, resolveSystem, resolveTraceFormat } from '../args/resolve.ts';
import { recipeReplayLine, seedReplayLine } from '../format/replay-line.ts';
import { formatRunText, runJson } from '../format/run-report.ts';
import { badInput, ok, violation, type Outcome } from '../outcome.ts';
import { printJson, printLine } from '../print.ts';
import { watchBooks, type WatchedBooks } from '../report/book-watch.ts';
import { parseOutputFile, writeOutputFile } from '../report/output-file.ts';
import { runPageHtml } from '../report/run-page.ts';
import { truthSeries } from '../report/truth-series.ts';
import type { Report } from './index.ts';

export function registerReplay(program: Command, report: Report): void {
  program
    .command('replay')
    .description('Replay one run with its full trace: an explored seed, or an exact recorded choice vector')
    .argument('<system>', 'system, e.g. bank-transfer')
    .option('--design <name|path>', 'design the run was explored with (default: reference)')
    .option('--seed <s>', 'the seed to replay (needed unless --choices is given)')
    .option('--strategy <random|pct>', 'with --seed: the strategy the seed was explored with (default random)')
    .option('--pct-depth <d>', 'with --strategy pct: the bug depth the seed was explored with (default 3)')
    .option('--pct-steps <n>', 'with --strategy pct: the schedule-choice estimate the seed was explored with (default 50)')
    .option('--choices <encoded|@file>', 'replay exactly this recorded choice vector (from a replay line, ending in ~N)')
    .option('--world <swarm|exhaustive>', 'the generated world the run used (default swarm)')
    .option('--option <name=value>', "an option of the system's generated world (repeatable; `moneysim list` lists them and the worlds each shapes)", collectOption)
    .option('--workload <transfers>', 'bank-transfer: same as --option transfers=N (default 2)')
    .option('--external-mode <mode>', 'bank-transfer: same as --option externalMode=idempotent|non-idempotent (default idempotent)')
    .option('--trace <format>', 'text, json or mermaid', 'text')
    .option('--json', 'print one JSON object')
    .option('--report <file.html>', 'also write a self-contained HTML report of the run')
    .action(async (systemId: string, opts: ReplayOptions) => report(await replay(systemId, opts)));
}

async function replay(systemId: string, opts: ReplayOptions): Promise<Outcome> {
  const system = resolveSystem(systemId);
  if (!system.ok) return badInput(system.message);
  const plan = parseReplayPlan(opts);
  if (!plan.ok) return badInput(plan.message);
  const options = resolveOptionFlags(system.value, opts as Record<string, unknown>, opts.option, plan.value.recipe.world);
  if (!options.ok) return badInput(options.message);
  plan.value.recipe.options = options.value;
  if (plan.value.kind === 'seed') plan.value.strategy = { ...plan.value.strategy, options: options.value };
  const format = resolveTraceFormat(opts.trace);
  if (!format.ok) return badInput(format.message);
  const report = parseOutputFile(opts.report, '--report', ['.html', '.htm']);
  if (!report.ok) return badInput(report.message);
  const design = await resolveDesign(system.value, opts.design);
  if (!design.ok) return badInput(design.message);
  const { recipe } = plan.value;
  let result: RunResult;
  let books: WatchedBooks;
  let line: string;
  if (plan.value.kind === 'choices') {
    ({ value: result, books } = await watchBooks(() => replayRecipe(system.value, design.value.design, recipe, true), report.value !== null));
    const made = result.choices.length;
    if (made !== plan.value.choicesMade) {
      // The run left the recorded path: a cut or edited vector, or a design (or moneysim) changed since it was recorded.
      return badInput(`--choices: the vector records a run of ${plan.value.choicesMade} choices, but this replay made ${made}, so it is not the recorded run (was the vector cut or edited, or has the design changed since?)`);
    }
    line = recipeReplayLine(system.value.id, design.value.name, recipe, made);
  } else {
    const choice = sourceFor(plan.value.strategy, recipe.seed);
    ({ value: result, books } = await watchBooks(() => system.value.run(recipeRequest(design.value.design, recipe, choice, true)), report.value !== null));
    line = seedReplayLine(system.value.id, design.value.name, recipe.seed, plan.value.strategy);
  }
  const origin = plan.value.kind === 'choices' ? 'recorded choices' : `seed ${recipe.seed}`;
  if (opts.json === true) printJson(runJson(system.value.id, result, line, format.value));
  else printLine(formatRunText(result, line, format.value, true, origin));
  if (report.value !== null) {
    const html = runPageHtml({ command: `moneysim replay ${system.value.id} --design ${design.value.name}`, system: system.value.id, run: result, origin, replays: [{ what: 'replay', line }], truth: truthSeries(result.trace, books) });
    const written = writeOutputFile(report.value, html, '--report');
    if (!written.ok) return badInput(written.message);
    if (opts.json !== true) printLine(`report written to ${report.value}`);
  }
  return result.kind === 'pass' ? ok : violation;
}
