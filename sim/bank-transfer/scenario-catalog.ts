/**
 * The bank-transfer scenario catalog: the built-in files under
 * scenarios/bank-transfer/ and any scenario file a user names by path.
 *
 * A file that does not parse is kept as an error of its own instead of
 * throwing, so one malformed file never hides the others: `list`, `run` and
 * `scenarios` keep working for every good file, and the bad one is reported
 * (with its path and the offending field) whenever it is asked for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, type BankTransferScenario } from './scenario-file.ts';

export interface ScenarioFileError {
  /** The scenario name the file would have had (its base name without .json). */
  name: string;
  /** The file as the user should see it: as given, or relative to the working directory when inside it. */
  file: string;
  message: string;
}

export interface ScenarioCatalog {
  scenarios: BankTransferScenario[];
  errors: ScenarioFileError[];
}

export type ScenarioFileLoad = { ok: true; scenario: BankTransferScenario } | { ok: false; error: ScenarioFileError };

const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/bank-transfer/', import.meta.url));

let scenarioDir = SCENARIO_DIR;
let builtIn: ScenarioCatalog | null = null;
/** User files loaded by path in this process, keyed by the name `run` passes on (the path as given). */
const userFiles = new Map<string, BankTransferScenario>();

/** Reads and validates every built-in scenario file once; bad files become errors. */
export function bankTransferCatalog(): ScenarioCatalog {
  builtIn ??= readCatalog(scenarioDir);
  return builtIn;
}

/**
 * Points the built-in catalog at another directory (null: back to
 * scenarios/bank-transfer/). Tests use it to show that one malformed file
 * leaves every other scenario working without touching the real files.
 */
export function useScenarioDirectory(dir: string | null): void {
  scenarioDir = dir ?? SCENARIO_DIR;
  builtIn = null;
}

/** Every .json file of `dir`, in name order, each parsed on its own. */
export function readCatalog(dir: string): ScenarioCatalog {
  const catalog: ScenarioCatalog = { scenarios: [], errors: [] };
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const absolute = join(dir, file);
    const loaded = readScenarioFile(absolute, file.replace(/\.json$/, ''), displayPath(absolute));
    if (loaded.ok) catalog.scenarios.push(loaded.scenario);
    else catalog.errors.push(loaded.error);
  }
  return catalog;
}

/** The built-in scenarios whose files are valid. */
export function bankTransferScenarios(): BankTransferScenario[] {
  return bankTransferCatalog().scenarios;
}

/** A built-in scenario by name, or a user file previously loaded by loadScenarioFile under that path. */
export function findBankTransferScenario(name: string): BankTransferScenario | undefined {
  return userFiles.get(name) ?? bankTransferScenarios().find((s) => s.name === name);
}

/**
 * Loads a user's scenario file by path. On success the scenario is
 * registered under `path`, so a run request naming `path` as its scenario
 * finds it.
 */
export function loadScenarioFile(path: string): ScenarioFileLoad {
  const loaded = readScenarioFile(resolve(process.cwd(), path), path, path);
  if (loaded.ok) userFiles.set(path, loaded.scenario);
  return loaded;
}

function readScenarioFile(absolute: string, name: string, file: string): ScenarioFileLoad {
  const fail = (message: string): ScenarioFileLoad => ({ ok: false, error: { name, file, message } });
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a scenario file' : `cannot read: ${String(err)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fail(`not valid JSON: ${jsonErrorWithLine(err, text)}`);
  }
  const parsed = parseScenario(name, raw);
  return parsed.ok ? parsed : fail(parsed.errors.join('; '));
}

/** JSON.parse reports a character offset; people look for a line and column. */
function jsonErrorWithLine(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/at position (\d+)(?: \(line \d+ column \d+\))?/, (_, offset: string) => {
    const before = text.slice(0, Number(offset)).split('\n');
    return `at line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
  });
}

/** Paths inside the working directory are shown relative to it, others absolute. */
function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}
