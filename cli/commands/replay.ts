/** `moneysim replay <system> --design D --seed S`: re-runs one explored seed with its trace. */
import type { Command } from 'commander';
import { RandomChoiceSource } from '../../sim/choice/random-choice-source.ts';
import { parseNonNegativeInt } from '../args/parse-int.ts';
import { resolveDesign, resolveSystem, resolveTraceFormat } from '../args/resolve.ts';
import { replayLine } from '../format/replay-line.ts';
import { formatRunText, runJson } from '../format/run-report.ts';
import { badInput, ok, violation, type Outcome } from '../outcome.ts';
import { printJson, printLine } from '../print.ts';
import type { Report } from './index.ts';

interface ReplayOptions {
  design?: string;
  seed?: string;
  trace?: string;
  json?: boolean;
}

export function registerReplay(program: Command, report: Report): void {
  program
    .command('replay')
    .description('Replay one seed of an explore sweep, with its full trace')
    .argument('<system>', 'system, e.g. bank-transfer')
    .option('--design <name|path>', 'design the seed was explored with (default: reference)')
    .requiredOption('--seed <s>', 'the seed to replay')
    .option('--trace <format>', 'text, json or mermaid', 'text')
    .option('--json', 'print one JSON object')
    .action(async (systemId: string, opts: ReplayOptions) => report(await replay(systemId, opts)));
}

async function replay(systemId: string, opts: ReplayOptions): Promise<Outcome> {
  const system = resolveSystem(systemId);
  if (!system.ok) return badInput(system.message);
  const seed = parseNonNegativeInt(opts.seed, '--seed', 0);
  if (!seed.ok) return badInput(seed.message);
  const format = resolveTraceFormat(opts.trace);
  if (!format.ok) return badInput(format.message);
  const design = await resolveDesign(system.value, opts.design);
  if (!design.ok) return badInput(design.message);
  const result = await system.value.run({
    design: design.value.design,
    seed: seed.value,
    choice: new RandomChoiceSource(seed.value),
    keepTrace: true,
  });
  const line = replayLine(system.value.id, design.value.name, seed.value);
  if (opts.json === true) printJson(runJson(system.value.id, result, line, format.value));
  else printLine(formatRunText(result, line, format.value, true));
  return result.kind === 'pass' ? ok : violation;
}
