/**
 * `moneysim check <model-id>`: explicit-state model checking of a model in
 * model/, exhaustively (breadth-first) or by seeded random walks.
 *
 * Every flag is validated before any search starts; a bad one is reported by
 * name with exit code 2. The search returns a result value, the formatters
 * in cli/format render it, and this module prints and picks the outcome:
 * 0 when everything holds (or a --max-states bound stopped the search
 * cleanly, which the output says), 1 on a violation, 3 on a model error.
 */
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { resolveConstants } from '../../model/checker/constants.ts';
import type { Mode } from '../../model/checker/result.ts';
import { prepare, runCheck } from '../../model/checker/run.ts';
import { getModel, listModels } from '../../model/registry.ts';
import { parsePositiveInt, type Parsed } from '../args/parse-int.ts';
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
  simulate?: boolean;
  seed?: string;
  depth?: string;
  walks?: string;
  trace?: string;
  json?: boolean;
  junit?: string;
  report?: string;
}

const TRACE_FORMATS = ['text', 'json', 'mermaid'] as const;
type TraceFormat = (typeof TRACE_FORMATS)[number];
export const DEFAULT_MAX_STATES = 50_000_000;

// Repeatable flags also accept comma-separated lists: --skip A,B is --skip A --skip B.
const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];

export function registerCheck(program: Command, report: Report): void {
  program
    .command('check')
    .description('Model-check a model exhaustively (or by seeded random walks) and print a shortest counterexample')
    .argument('<model-id>', `model to check: ${listModels().map((m) => m.id).join(', ')}`)
    .option('--const <NAME=VALUE>', 'set a model constant (repeatable)', collect, [])
    .option('--skip <NAME>', 'leave out an invariant or temporal property (repeatable)', collect, [])
    .option('--max-states <n>', `stop cleanly after this many distinct states (default ${DEFAULT_MAX_STATES})`)
    .option('--simulate', 'random walks instead of exhaustive search')
    .option('--seed <s>', 'seed of the random walks (default: a fresh one, printed)')
    .option('--depth <d>', 'steps per random walk (default 100)')
    .option('--walks <n>', 'number of random walks (default 1000)')
    .option('--trace <format>', 'counterexample format: text, json (ITF) or mermaid', 'text')
    .option('--json', 'print the result as JSON')
    .option('--junit <file>', 'also write the check as JUnit XML (one test case)')
    .option('--report <file.html>', 'also write a self-contained HTML report of the counterexample')
    .action((id: string, raw: RawOptions) => {
      report(check(id, raw));
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
  if (mode.kind === 'simulate') words.push('--simulate', '--seed', mode.seed, '--depth', String(mode.depth), '--walks', String(mode.walks));
  return shellLine(words);
}

export function check(id: string, raw: RawOptions): Outcome {
  const def = getModel(id);
  if (!def) return badInput(`<model-id>: unknown model "${id}" (known: ${listModels().map((m) => m.id).join(', ')})`);
  if (!TRACE_FORMATS.includes(raw.trace as TraceFormat)) return badInput(`--trace must be one of ${TRACE_FORMATS.join(', ')}, got "${raw.trace}"`);
  const maxStates = parsePositiveInt(raw.maxStates, '--max-states', DEFAULT_MAX_STATES);
  if (!maxStates.ok) return badInput(maxStates.message);
  const mode = modeOf(raw);
  if (!mode.ok) return badInput(mode.message);
  const constants = resolveConstants(def, raw.const);
  if (!constants.ok) return badInput(constants.message);
  const prepared = prepare(def, constants.value, raw.skip);
  if (!prepared.ok) return badInput(prepared.message);
  const outputs = parseCheckOutputs(raw);
  if (!outputs.ok) return badInput(outputs.message);
  // Progress goes to stderr on an interactive terminal only, so that piped stdout carries the result alone.
  const status = statusLine(0);
  const consts = Object.entries(constants.value).map(([k, v]) => `${k}=${v}`).join(' ');
  status.show(`Checking ${id}${consts ? ` with ${consts}` : ''}${mode.value.kind === 'simulate' ? ` by random walks (seed ${mode.value.seed})` : ''}...`);
  let lastProgress = 0;
  const result = runCheck(prepared.value, {
    mode: mode.value,
    maxStates: maxStates.value,
    onProgress: (p) => {
      // One update every few seconds is enough to show the search is alive.
      if (p.elapsedMs - lastProgress < 2000) return;
      lastProgress = p.elapsedMs;
      status.show(progressLine(p));
    },
  });
  status.clear();
  if (raw.json) printJson(checkJson(result));
  else render(result, raw.trace as TraceFormat, replayLine(id, raw, mode.value));
  const written = writeCheckOutputs(outputs.value, result, replayLine(id, raw, mode.value));
  if (!written.ok) return badInput(written.message);
  switch (result.kind) {
    case 'ok':
    case 'stopped':
      return ok;
    case 'violation':
      return violation;
    case 'model-error':
      return { kind: 'internal-error', message: `model ${result.model}: ${result.message}` };
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
