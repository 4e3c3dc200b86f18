/**
 * `moneysim check <model>`: explicit-state model checking of a built-in
 * model (by id) or of a model file anywhere on disk (by path), exhaustively
 * (breadth-first) or by seeded random walks.
 *
 * Every flag is validated before any search starts; a bad one is reported by
 * name with exit code 2. The search returns a result value, the formatters
 * in cli/format render it, and this module prints and picks the outcome:
 * 0 when everything holds (or a --max-states bound stopped the search
 * cleanly, which the output says), 1 on a violation or a modelling mistake
 * (printed with the trace that led to it).
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism, totalmem } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { resolveConstants } from '../../model/checker/constants.ts';
import type { ModelDef } from '../../model/checker/define.ts';
import type { Mode, Progress } from '../../model/checker/result.ts';
import { prepare, runCheck, runCheckParallel } from '../../model/checker/run.ts';
import { loadModelFile, looksLikeModelPath } from '../../model/model-file.ts';
import { getModel, listModels } from '../../model/registry.ts';
import { parsePositiveInt, type Parsed } from '../args/parse-int.ts';
import { modelListing, modelListingLines } from '../format/check-list.ts';
import { checkJson, itfTrace } from '../format/check-json.ts';
import { mermaidTrace } from '../format/check-mermaid.ts';
import { progressLine, resultLines } from '../format/check-text.ts';
import { badInput, ok, violation, type Outcome } from '../outcome.ts';
import { printJson, printLine, statusLine } from '../print.ts';
import { shellLine } from '../format/shell-quote.ts';
import { parseCheckOutputs, writeCheckOutputs } from '../ci/check-outputs.ts';
import type { Report } from './index.ts';

interface RawOptions {
  const: string[];
  skip: string[];
  maxStates?: string;
  maxMemory?: string;
  workers?: string;
  simulate?: boolean;
  seed?: string;
  depth?: string;
  walks?: string;
  trace?: string;
  json?: boolean;
  junit?: string;
  report?: string;
  list?: boolean;
  help?: boolean;
  fast?: boolean;
  deadlock: boolean;
  symmetry: boolean;
}

const TRACE_FORMATS = ['text', 'json', 'mermaid'] as const;
type TraceFormat = (typeof TRACE_FORMATS)[number];
export const DEFAULT_MAX_STATES = 50_000_000;

// Repeatable flags also accept comma-separated lists: --skip A,B is --skip A --skip B.
const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];

function builtInHelp(): string {
  const models = listModels().map((m) => `  ${m.id}  ${m.constants.map((c) => `${c.name}=${c.boolean === true ? (c.default === 1 ? 'TRUE' : 'FALSE') : c.default}`).join(' ')}`);
  return ['', 'Built-in models and their constants (defaults):', ...models, '', 'A model file: moneysim check ./my-model.ts (see examples/models/); `check ./my-model.ts --help` or `--list` shows its constants.'].join('\n');
}

export function registerCheck(program: Command, report: Report): void {
  program
    .command('check')
    .description('Model-check a model exhaustively (or by seeded random walks) and print a shortest counterexample')
    .argument('[model]', 'a built-in model id, or the path of a model file (.ts, .mts, .js, .mjs)')
    .helpOption(false)
    .option('-h, --help', "show this help; with a model, also the model's constants")
    .option('--list', "list the model's constants, variables, actions, invariants and properties, and stop")
    .option('--const <NAME=VALUE>', 'set a model constant (repeatable; TRUE/FALSE for a boolean constant)', collect, [])
    .option('--skip <NAME>', 'leave out an invariant or temporal property (repeatable)', collect, [])
    .option('--max-states <n>', `stop cleanly after this many distinct states (default ${DEFAULT_MAX_STATES})`)
    .option('--max-memory <size>', 'stop cleanly before the search takes more memory than this, e.g. 2GB or 500MB (default: 70% of the machine)')
    .option('--workers <n>', `threads for the exhaustive search, sharing one visited set (default 1; this machine has ${availableParallelism()} cores)`)
    .option('--no-deadlock', 'do not report states without successors as deadlocks (TLC -deadlock)')
    .option('--no-symmetry', 'explore every permutation of ids() instead of one state per symmetry class')
    .option('--fast', 'skip the checks on model code (writes by disabled actions, indices outside arrays) for speed; values are still checked')
    .option('--simulate', 'random walks instead of exhaustive search')
    .option('--seed <s>', 'seed of the random walks (default: a fresh one, printed)')
    .option('--depth <d>', 'steps per random walk (default 100)')
    .option('--walks <n>', 'number of random walks (default 1000)')
    .option('--trace <format>', 'counterexample format: text, json (ITF) or mermaid', 'text')
    .option('--json', 'print the result as JSON')
    .option('--junit <file>', 'also write the check as JUnit XML (one test case)')
    .option('--report <file.html>', 'also write a self-contained HTML report of the counterexample')
    .addHelpText('after', builtInHelp)
    .action(async (id: string | undefined, raw: RawOptions, command: Command) => {
      report(await check(id, raw, () => command.helpInformation()));
    });
}

function modeOf(raw: RawOptions): Parsed<Mode> {
  if (!raw.simulate) {
    for (const flag of ['seed', 'depth', 'walks'] as const) {
      if (raw[flag] !== undefined) return { ok: false, message: `--${flag} only applies with --simulate` };
    }
    return { ok: true, value: { kind: 'exhaustive' } };
  }
  const depth = parsePositiveInt(raw.depth, '--depth', 100);
  if (!depth.ok) return depth;
  const walks = parsePositiveInt(raw.walks, '--walks', 1000);
  if (!walks.ok) return walks;
  if (raw.seed !== undefined && raw.seed.trim() === '') return { ok: false, message: '--seed must not be empty' };
  const seed = raw.seed ?? randomBytes(4).toString('hex');
  return { ok: true, value: { kind: 'simulate', seed, depth: depth.value, walks: walks.value } };
}

function replayLine(id: string, raw: RawOptions, mode: Mode): string {
  const words = ['npx', 'moneysim', 'check', id, ...raw.const.flatMap((c) => ['--const', c]), ...raw.skip.flatMap((s) => ['--skip', s])];
  if (raw.maxStates !== undefined) words.push('--max-states', raw.maxStates);
  if (raw.maxMemory !== undefined) words.push('--max-memory', raw.maxMemory);
  if (raw.workers !== undefined) words.push('--workers', raw.workers);
  if (!raw.deadlock) words.push('--no-deadlock');
  if (!raw.symmetry) words.push('--no-symmetry');
  if (raw.fast) words.push('--fast');
  if (mode.kind === 'simulate') words.push('--simulate', '--seed', mode.seed, '--depth', String(mode.depth), '--walks', String(mode.walks));
  return shellLine(words);
}

const UNITS: Readonly<Record<string, number>> = { '': 2 ** 20, b: 1, k: 2 ** 10, kb: 2 ** 10, m: 2 ** 20, mb: 2 ** 20, g: 2 ** 30, gb: 2 ** 30, t: 2 ** 40, tb: 2 ** 40 };

/** `--max-memory 2GB`: bytes (a bare number is megabytes); by default 70% of the machine's memory. */
function parseSize(raw: string | undefined): Parsed<number> {
  if (raw === undefined) return { ok: true, value: Math.floor(totalmem() * 0.7) };
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) return { ok: false, message: `--max-memory must be a size such as 2GB, 512MB or 1.5G, got "${raw}"` };
  return { ok: true, value: Math.floor(Number(m[1]) * unit) };
}

/** A built-in model by id, or a model file by path. */
async function findModel(id: string): Promise<Parsed<ModelDef>> {
  const builtIn = getModel(id);
  if (builtIn) return { ok: true, value: builtIn };
  if (looksLikeModelPath(id)) return loadModelFile(id);
  return { ok: false, message: `<model>: unknown model "${id}" (known: ${listModels().map((m) => m.id).join(', ')}; or give the path of a model file, like ./my-model.ts)` };
}

export async function check(id: string | undefined, raw: RawOptions, help: () => string = () => ''): Promise<Outcome> {
  if (raw.help) {
    printLine(help().trimEnd());
    if (id === undefined) printLine(builtInHelp());
  }
  if (id === undefined) return raw.help ? ok : badInput("<model>: missing (a built-in model id, or a model file's path; see moneysim check --help)");
  const found = await findModel(id);
  if (!found.ok) return badInput(found.message);
  const def = found.value;
  if (raw.help || raw.list) {
    const listing = modelListing(def);
    if (raw.json && !raw.help) printJson(listing);
    else for (const line of [...(raw.help ? [''] : []), ...modelListingLines(listing)]) printLine(line);
    return ok;
  }
  if (!TRACE_FORMATS.includes(raw.trace as TraceFormat)) return badInput(`--trace must be one of ${TRACE_FORMATS.join(', ')}, got "${raw.trace}"`);
  const maxStates = parsePositiveInt(raw.maxStates, '--max-states', DEFAULT_MAX_STATES);
  if (!maxStates.ok) return badInput(maxStates.message);
  const maxBytes = parseSize(raw.maxMemory);
  if (!maxBytes.ok) return badInput(maxBytes.message);
  const workers = parsePositiveInt(raw.workers, '--workers', 1);
  if (!workers.ok) return badInput(workers.message);
  if (workers.value > 64) return badInput(`--workers must be at most 64, got "${raw.workers}"`);
  const mode = modeOf(raw);
  if (!mode.ok) return badInput(mode.message);
  if (workers.value > 1 && mode.value.kind === 'simulate') return badInput('--workers applies to the exhaustive search, not --simulate');
  const constants = resolveConstants(def, raw.const);
  if (!constants.ok) return badInput(constants.message);
  const prepared = prepare(def, constants.value, raw.skip, { fast: raw.fast === true, symmetry: raw.symmetry });
  if (!prepared.ok) return badInput(prepared.message);
  if (workers.value > 1 && prepared.value.properties.length > 0) {
    const names = prepared.value.properties.map((i) => prepared.value.model.spec.properties[i]!.name).join(',');
    return badInput(`--workers: temporal properties need the whole state graph on one thread; skip them (--skip ${names}) or use one worker`);
  }
  const outputs = parseCheckOutputs(raw);
  if (!outputs.ok) return badInput(outputs.message);
  // Progress goes to stderr on an interactive terminal only, so that piped stdout carries the result alone.
  const status = statusLine(0);
  const consts = Object.entries(constants.value).map(([k, v]) => `${k}=${v}`).join(' ');
  status.show(`Checking ${id}${consts ? ` with ${consts}` : ''}${mode.value.kind === 'simulate' ? ` by random walks (seed ${mode.value.seed})` : ''}...`);
  let lastProgress = 0;
  const runOptions = {
    mode: mode.value,
    maxStates: maxStates.value,
    maxBytes: maxBytes.value,
    checkDeadlock: raw.deadlock,
    strict: raw.fast !== true,
    onProgress: (p: Progress) => {
      // One update every few seconds is enough to show the search is alive.
      if (p.elapsedMs - lastProgress < 2000) return;
      lastProgress = p.elapsedMs;
      status.show(progressLine(p));
    },
  };
  // Workers build the model themselves: from its id, or from the file's absolute path.
  const modelRef = getModel(id) ? id : resolve(process.cwd(), id);
  const result =
    workers.value > 1
      ? await runCheckParallel(prepared.value, { ...runOptions, workers: workers.value, model: modelRef, fast: raw.fast === true, symmetry: raw.symmetry })
      : runCheck(prepared.value, runOptions);
  status.clear();
  const replay = replayLine(id, raw, mode.value);
  if (raw.json) printJson(checkJson(result));
  else render(result, raw.trace as TraceFormat, replay);
  const written = writeCheckOutputs(outputs.value, result, replay);
  if (!written.ok) return badInput(written.message);
  switch (result.kind) {
    case 'ok':
    case 'stopped':
      return ok;
    case 'violation':
    case 'model-error':
      return violation;
  }
}

function render(result: ReturnType<typeof runCheck>, format: TraceFormat, replay: string): void {
  if (result.kind === 'violation' && format !== 'text') {
    const v = result.violation;
    for (const line of resultLines({ ...result, violation: { ...v, trace: [] } }, replay)) printLine(line);
    printLine('');
    if (format === 'json') printJson(itfTrace(result.model, v.trace, v.loopIndex));
    else printLine(mermaidTrace(v.trace, v.loopIndex, v.stuttering));
    return;
  }
  for (const line of resultLines(result, replay)) printLine(line);
}
