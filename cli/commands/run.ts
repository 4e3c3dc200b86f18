/**
 * `moneysim run <system>/<scenario>` or `moneysim run ./my-scenario.json`:
 * runs one scripted scenario, built-in or the user's own file, and prints
 * its trace.
 */
import type { Command } from 'commander';
import { RandomChoiceSource } from '../../sim/choice/random-choice-source.ts';
import { parseNonNegativeInt } from '../args/parse-int.ts';
import { resolveDesign, resolveScenario, resolveTraceFormat } from '../args/resolve.ts';
import { runReplayLine } from '../format/replay-line.ts';
import { formatRunText, runJson } from '../format/run-report.ts';
import { badInput, ok, violation, type Outcome } from '../outcome.ts';
import { printJson, printLine } from '../print.ts';
import { watchBooks } from '../report/book-watch.ts';
import { parseOutputFile, writeOutputFile } from '../report/output-file.ts';
import { runPageHtml } from '../report/run-page.ts';
import { truthSeries } from '../report/truth-series.ts';
import type { Report } from './index.ts';

interface RunOptions {
  design?: string;
  seed?: string;
  trace?: string;
  json?: boolean;
  report?: string;
}

export function registerRun(program: Command, report: Report): void {
  program
    .command('run')
    .description('Run one scenario against one design and print what happened')
    .argument('<system/scenario>', 'e.g. bank-transfer/crash-between-cashout-and-credit, or a path to your own .json scenario file')
    .option('--design <name|path>', 'built-in design name or a module path (default: reference)')
    .option('--seed <s>', "seed for latencies and the other unscripted choices (default: the scenario's)")
    .option('--trace <format>', 'text, json or mermaid', 'text')
    .option('--json', 'print one JSON object')
    .option('--report <file.html>', 'also write a self-contained HTML report of the run')
    .action(async (target: string, opts: RunOptions) => report(await run(target, opts)));
}

async function run(target: string, opts: RunOptions): Promise<Outcome> {
  const resolved = resolveScenario(target);
  if (!resolved.ok) return badInput(resolved.message);
  const { system, scenario, info, file } = resolved.value;
  const seed = parseNonNegativeInt(opts.seed, '--seed', info.seed);
  if (!seed.ok) return badInput(seed.message);
  const format = resolveTraceFormat(opts.trace);
  if (!format.ok) return badInput(format.message);
  const report = parseOutputFile(opts.report, '--report', ['.html', '.htm']);
  if (!report.ok) return badInput(report.message);
  const design = await resolveDesign(system, opts.design);
  if (!design.ok) return badInput(design.message);
  const { value: result, books } = await watchBooks(() => system.run({
    design: design.value.design,
    seed: seed.value,
    choice: new RandomChoiceSource(seed.value),
    keepTrace: true,
    scenario,
  }), report.value !== null);
  const line = runReplayLine(file ?? `${system.id}/${scenario}`, design.value.name, seed.value);
  if (opts.json === true) {
    printJson({ scenario, expected: info.expect[design.value.name] ?? null, ...runJson(system.id, result, line, format.value) });
  } else {
    printLine(`scenario ${file ?? scenario}: ${info.description}`);
    printLine(formatRunText(result, line, format.value, true));
  }
  if (report.value !== null) {
    const html = runPageHtml({ command: `moneysim run ${file ?? `${system.id}/${scenario}`}: ${info.description}`, system: system.id, run: result, origin: `scenario ${file ?? scenario}, seed ${seed.value}`, replays: [{ what: 'replay', line }], truth: truthSeries(result.trace, books) });
    const written = writeOutputFile(report.value, html, '--report');
    if (!written.ok) return badInput(written.message);
    if (opts.json !== true) printLine(`report written to ${report.value}`);
  }
  return result.kind === 'pass' ? ok : violation;
}
