/**
 * `moneysim explore <system>`: runs consecutive seeds, each in its own
 * swarm-drawn faulty world, stops at the first violation and prints it with
 * the line that replays it.
 */
import type { Command } from 'commander';
import { sweep } from '../../sim/explore/sweep.ts';
import { parseNonNegativeInt, parsePositiveInt } from '../args/parse-int.ts';
import { resolveDesign, resolveSystem, resolveTraceFormat } from '../args/resolve.ts';
import { formatSweepText, sweepJson } from '../format/sweep-report.ts';
import { badInput, ok, violation, type Outcome } from '../outcome.ts';
import { printJson, printLine } from '../print.ts';
import type { Report } from './index.ts';

interface ExploreOptions {
  design?: string;
  seeds?: string;
  seedStart?: string;
  trace?: string;
  json?: boolean;
}

export function registerExplore(program: Command, report: Report): void {
  program
    .command('explore')
    .description('Run many seeds with random faults; stop at the first invariant violation')
    .argument('<system>', 'system to explore, e.g. bank-transfer')
    .option('--design <name|path>', 'built-in design name or a module path (default: reference)')
    .option('--seeds <n>', 'number of seeds to run', '1000')
    .option('--seed-start <s>', 'first seed', '1')
    .option('--trace <format>', 'trace format of a failure: text, json or mermaid', 'text')
    .option('--json', 'print one JSON object')
    .action(async (systemId: string, opts: ExploreOptions) => report(await explore(systemId, opts)));
}

async function explore(systemId: string, opts: ExploreOptions): Promise<Outcome> {
  const system = resolveSystem(systemId);
  if (!system.ok) return badInput(system.message);
  const seeds = parsePositiveInt(opts.seeds, '--seeds', 1000);
  if (!seeds.ok) return badInput(seeds.message);
  const seedStart = parseNonNegativeInt(opts.seedStart, '--seed-start', 1);
  if (!seedStart.ok) return badInput(seedStart.message);
  const format = resolveTraceFormat(opts.trace);
  if (!format.ok) return badInput(format.message);
  const design = await resolveDesign(system.value, opts.design);
  if (!design.ok) return badInput(design.message);
  const result = await sweep({
    system: system.value,
    design: design.value.design,
    designName: design.value.name,
    seedStart: seedStart.value,
    seeds: seeds.value,
  });
  if (opts.json === true) printJson(sweepJson(result));
  else printLine(formatSweepText(result, format.value));
  if (result.kind === 'nondeterminism') return { kind: 'internal-error', message: result.message };
  return result.kind === 'pass' ? ok : violation;
}
