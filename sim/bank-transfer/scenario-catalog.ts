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
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, type BankTransferScenario } from './scenario-file.ts';

export interface ScenarioFileError {
  /** The scenario name the file would have had (its base name without .json). */
  name: string;
  /** The file as the user should see it: relative to the working directory when inside it. */
  file: string;
  message: string;
}

export interface ScenarioCatalog {
  scenarios: BankTransferScenario[];
  errors: ScenarioFileError[];
}

export type ScenarioFileLoad = { ok: true; scenario: BankTransferScenario } | { ok: false; error: ScenarioFileError };

const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/bank-transfer/', import.meta.url));

let builtIn: ScenarioCatalog | null = null;
/** User files loaded by path in this process, keyed by the name `run` passes on (the path as given). */
const userFiles = new Map<string, BankTransferScenario>();

/** Reads and validates every built-in scenario file once; bad files become errors. */
export function bankTransferCatalog(): ScenarioCatalog {
  if (builtIn !== null) return builtIn;
  const catalog: ScenarioCatalog = { scenarios: [], errors: [] };
  const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const loaded = readScenarioFile(SCENARIO_DIR + file, file.replace(/\.json$/, ''));
    if (loaded.ok) catalog.scenarios.push(loaded.scenario);
    else catalog.errors.push(loaded.error);
  }
  builtIn = catalog;
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
  const loaded = readScenarioFile(resolve(process.cwd(), path), path);
  if (loaded.ok) userFiles.set(path, loaded.scenario);
  return loaded;
}

function readScenarioFile(absolute: string, name: string): ScenarioFileLoad {
  const file = displayPath(absolute);
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
    return fail(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = parseScenario(name, raw);
  return parsed.ok ? parsed : fail(parsed.errors.join('; '));
}

/** Paths inside the working directory are shown relative to it, others absolute. */
function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}
