/**
 * `moneysim explore <system>`: explores a design with one strategy (random
 * swarm seeds, PCT priority schedules, or exhaustive enumeration within
 * bounds), shrinks every failure, prints each shrunk failure with the line
 * that replays it and what the exploration covered, optionally re-runs a
 * sample of seeds to check that the design is deterministic, and optionally
 * writes a vitest test for the failures.
 */
import { strategyOf } from '../../sim/explore/parallel-sweep.ts';
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkDeterminism, type DeterminismResult } from '../../sim/explore/check-determinism.ts';
import { explore, type ExploreResult } from '../../sim/explore/explore.ts';
import { shardRange, subRange } from '../../sim/explore/seed-sweep.ts';
import type { SystemDef } from '../../sim/systems/system-def.ts';
import { parseEmitTest, type EmitTestTarget } from '../args/emit-test-target.ts';
import { parseExploreFlags, type ExploreFlags, type ExploreOptions } from '../args/explore-options.ts';
import { collectOption, resolveOptionFlags } from '../args/world-option-flags.ts';
import { resolveDesign, resolveSystem, resolveTraceFormat, type TraceFormat } from '../args/resolve.ts';
import { designNondeterminismLines, determinismDetail, determinismJson, determinismOkLine } from '../format/determinism-report.ts';
import { emitTestFile } from '../format/emit-test.ts';
import { exploreJson, formatExploreText } from '../format/sweep-report.ts';
import { badInput, ok, violation, type Outcome } from '../outcome.ts';
import { printJson, printLine, progressReporter } from '../print.ts';
import { pastDeadline } from '../../sim/explore/seed-sweep.ts';
import { emitCi } from '../ci/ci-output.ts';
import { exploreSuite } from '../ci/explore-cases.ts';
import { timeBudgetJson, timeBudgetLine, timeBudgetOf, type TimeBudget } from '../ci/time-budget.ts';
import { exploreReportHtml } from '../report/explore-report.ts';
import { parseOutputFile, writeOutputFile } from '../report/output-file.ts';
import type { Report } from './index.ts';

export function registerExplore(program: Command, report: Report): void {
  program
    .command('explore')
    .description('Explore a design for invariant violations (random, pct or exhaustive), shrink each failure, report coverage')
    .argument('<system>', 'system to explore, e.g. bank-transfer')
    .option('--design <name|path>', 'built-in design name or a module path (default: reference)')
    .option('--strategy <name>', 'random (swarm seeds), pct (priority schedules) or exhaustive (bounded enumeration)', 'random')
    .option('--seeds <n>', 'random/pct: number of seeds to run (default 1000, at most 2^31 - 1)')
    .option('--seed-start <s>', 'random/pct: first seed (default 1)')
    .option('--pct-depth <d>', 'pct: bug depth d, i.e. d-1 priority change points (default 3)')
    .option('--pct-steps <n>', 'pct: schedule choices per run the change points are drawn among (default 50)')
    .option('--max-faults <k>', 'exhaustive: faults per run, all kinds counted together (default 2)')
    .option('--max-steps <choices>', 'exhaustive: branching choice points per run; deeper ones take their simplest option (default 10000)')
    .option('--option <name=value>', "exhaustive: an option of the system's generated world (repeatable; `moneysim list` lists them and the worlds each shapes)", collectOption)
    .option('--workload <transfers>', 'exhaustive, bank-transfer: same as --option transfers=N (default 2)')
    .option('--external-mode <mode>', 'exhaustive, bank-transfer: same as --option externalMode=idempotent|non-idempotent (default idempotent)')
    .option('--max-schedules <n>', 'exhaustive: stop after this many schedules (default 1000000)')
    .option('--reduction <sleep-sets|none>', 'exhaustive: skip orderings of commuting simultaneous events (default sleep-sets)')
    .option('--find <first|all>', 'stop at the first failure, or report the first of each invariant (default: first; all for exhaustive)')
    .option('--shrink-runs <n>', 'replays the shrinker may spend per failure (default 2000)')
    .option('--workers <n>', 'worker threads (default 1: run in this thread)')
    .option('--shard <I/N>', 'run only slice I of N (seeds, or subtrees for exhaustive); the N slices together equal the whole run')
    .option('--require-coverage', 'exit 1 when a declared probe never fired')
    .option('--check-determinism [n]', 'random/pct: also run n seeds spread over the sweep twice each and compare trace hashes (default 20)')
    .option('--emit-test <file>', 'write a vitest file replaying each shrunk failure')
    .option('--emit-test-kind <holds|fails>', 'holds: the design must break no invariant on those choices (a regression test); fails: it must still fail (a reproduction) (default holds)')
    .option('--trace <format>', 'trace format of a failure: text, json or mermaid', 'text')
    .option('--json', 'print one JSON object')
    .option('--time-limit <duration>', 'random/pct: stop starting new seeds after this long (e.g. 90s, 5m, 1h) and report what was covered; without --seeds the budget alone ends the sweep')
    .option('--junit <file>', 'also write the exploration as JUnit XML (one test case per sweep or shard)')
    .option('--report <file.html>', 'write a self-contained HTML report of the first failure printed (or of the sweep when none)')
    .action(async (systemId: string, opts: ExploreOptions) => report(await exploreCommand(systemId, opts)));
}

interface Resolved {
  system: SystemDef;
  design: { design: unknown; name: string };
  flags: ExploreFlags;
  format: TraceFormat;
  emit: EmitTestTarget | null;
  junit: string | null;
  report: string | null;
}

/** Every flag, the output target and the design, checked before anything runs. */
async function resolveAll(systemId: string, opts: ExploreOptions): Promise<{ ok: true; value: Resolved } | { ok: false; message: string }> {
  const system = resolveSystem(systemId);
  if (!system.ok) return system;
  const flags = parseExploreFlags(opts);
  if (!flags.ok) return flags;
  const world = flags.value.strategy === 'exhaustive' ? 'exhaustive' : 'swarm';
  const options = resolveOptionFlags(system.value, opts as Record<string, unknown>, opts.option, world);
  if (!options.ok) return options;
  if (world === 'exhaustive') {
    flags.value.exhaustive.options = options.value;
    const defaults = system.value.exhaustiveDefaults;
    if (defaults !== undefined && opts.maxFaults === undefined) flags.value.exhaustive.maxFaults = defaults.maxFaults;
    if (defaults !== undefined && opts.maxSchedules === undefined) flags.value.exhaustive.maxSchedules = defaults.maxSchedules;
  }
  else flags.value.swarmOptions = options.value;
  const format = resolveTraceFormat(opts.trace);
  if (!format.ok) return format;
  const emit = parseEmitTest(opts.emitTest, opts.emitTestKind);
  if (!emit.ok) return emit;
  const junit = parseOutputFile(opts.junit, '--junit');
  if (!junit.ok) return junit;
  const report = parseOutputFile(opts.report, '--report', ['.html', '.htm']);
  if (!report.ok) return report;
  const design = await resolveDesign(system.value, opts.design);
  if (!design.ok) return design;
  return { ok: true, value: { system: system.value, design: design.value, flags: flags.value, format: format.value, emit: emit.value, junit: junit.value, report: report.value } };
}

async function exploreCommand(systemId: string, opts: ExploreOptions): Promise<Outcome> {
  const resolved = await resolveAll(systemId, opts);
  if (!resolved.ok) return badInput(resolved.message);
  const { system, design, flags, format, emit } = resolved.value;
  const json = opts.json === true;
  const builtIn = system.designs.some((d) => d.name === design.name);
  const progress = progressReporter(`exploring ${system.id} / ${design.name}`);
  const { determinismSamples, timeLimitMs, ...input } = flags;
  const deadlineEpochMs = timeLimitMs === null ? undefined : performance.timeOrigin + performance.now() + timeLimitMs;
  const result = await explore({ system, design: design.design, designName: design.name, ...input, deadlineEpochMs, onProgress: json ? undefined : (runs) => progress.update(runs) });
  progress.clear();
  const budget = timeLimitMs === null ? null : timeBudgetOf(result, timeLimitMs, pastDeadline(deadlineEpochMs), flags.stopAtFirst);
  if (result.kind === 'nondeterminism') {
    if (builtIn) return { kind: 'internal-error', message: `nondeterminism in built-in design ${design.name}: ${result.message}` };
    if (json) printJson({ ...exploreJson(result, false), ok: false, nondeterminism: { design: design.name, message: result.message } });
    else printLine(designNondeterminismLines(design.name, result.message).join('\n'));
    return violation;
  }
  let determinism: DeterminismResult | null = null;
  if (determinismSamples !== null) {
    const ran = subRange(shardRange(flags.seedStart, flags.seeds, flags.shard), 0, result.schedules);
    determinism = await checkDeterminism({ system, design: design.design, strategy: strategyOf(flags), ran, samples: determinismSamples, maxSteps: flags.maxSteps });
    if (determinism.kind === 'nondeterministic' && builtIn) {
      return { kind: 'internal-error', message: `nondeterminism in built-in design ${design.name}: ${determinismDetail(determinism)}` };
    }
  }
  const requireCoverage = opts.requireCoverage === true;
  printReport(result, determinism, design.name, format, requireCoverage, json, budget);
  if (emit !== null && result.kind === 'violation') {
    writeFileSync(emit.file, emitTestFile(emit.file, system, result, emit.kind));
    if (!json) printLine(`test (kind ${emit.kind}) written to ${emit.file}`);
  }
  const written = await writeOutputs(resolved.value, result, determinism, requireCoverage, budget);
  if (!written.ok) return badInput(written.message);
  if (!json && resolved.value.report !== null) printLine(`report written to ${resolved.value.report}`);
  if (result.kind !== 'pass' || determinism?.kind === 'nondeterministic') return violation;
  return requireCoverage && result.coverage.probesMissed.length > 0 ? violation : ok;
}

/** A nondeterministic design leads the report: nothing else it printed could be trusted to replay. */
function printReport(result: ExploreResult, determinism: DeterminismResult | null, design: string, format: TraceFormat, requireCoverage: boolean, json: boolean, budget: TimeBudget | null): void {
  const bad = determinism?.kind === 'nondeterministic';
  if (json) {
    const base: Record<string, unknown> = { ...exploreJson(result, requireCoverage), ...(budget === null ? {} : { timeLimit: timeBudgetJson(result, budget) }) };
    printJson(determinism === null ? base : { ...base, ok: base.ok === true && !bad, determinism: determinismJson(determinism) });
    return;
  }
  const lines: string[] = [];
  if (determinism?.kind === 'nondeterministic') lines.push(...designNondeterminismLines(design, determinismDetail(determinism)), '');
  lines.push(formatExploreText(result, format, requireCoverage));
  if (determinism?.kind === 'deterministic') lines.push(determinismOkLine(determinism));
  if (budget !== null) lines.push(timeBudgetLine(result, budget));
  printLine(lines.join('\n'));
}

/** The JUnit file, the CI annotations and summary, and the HTML report, each when asked for. */
async function writeOutputs(r: Resolved, result: ExploreResult, determinism: DeterminismResult | null, requireCoverage: boolean, budget: TimeBudget | null): Promise<{ ok: true } | { ok: false; message: string }> {
  const nondeterministic = determinism?.kind === 'nondeterministic'
    ? [{ invariant: 'Nondeterminism', message: determinismDetail(determinism), replay: '', detail: '' }]
    : [];
  const notes: Array<[string, string]> = budget === null ? [] : [['time limit', timeBudgetLine(result, budget)]];
  const ci = emitCi(`moneysim explore ${result.system}`, [exploreSuite(result, requireCoverage, nondeterministic, notes)], { junitFile: r.junit, env: process.env });
  if (!ci.ok) return ci;
  if (r.report === null) return { ok: true };
  const command = `moneysim explore ${result.system} --design ${r.design.name} --strategy ${result.strategy}`;
  return writeOutputFile(r.report, await exploreReportHtml(r.system, r.design.design, result, command, requireCoverage), '--report');
}
