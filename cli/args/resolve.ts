/**
 * Turns CLI arguments naming systems, designs, scenarios (built-in or a
 * user's file) and trace formats into values, or into a message naming the
 * argument or the file and field (exit code 2).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bankTransferCatalog, loadScenarioFile, type ScenarioFileError, type ScenarioFileLoad } from '../../sim/bank-transfer/scenario-catalog.ts';
import { findSystem, SYSTEMS } from '../../sim/systems/registry.ts';
import type { ScenarioInfo, SystemDef } from '../../sim/systems/system-def.ts';
import type { Parsed } from './parse-int.ts';

export type TraceFormat = 'text' | 'json' | 'mermaid';

export function resolveSystem(id: string): Parsed<SystemDef> {
  const system = findSystem(id);
  if (system === undefined) {
    return { ok: false, message: `<system>: unknown system "${id}" (known: ${SYSTEMS.map((s) => s.id).join(', ')})` };
  }
  if (system.status !== 'ready') return { ok: false, message: `<system>: "${id}" is planned but not implemented yet` };
  return { ok: true, value: system };
}

export async function resolveDesign(system: SystemDef, raw: string | undefined): Promise<Parsed<{ design: unknown; name: string }>> {
  const loaded = await system.loadDesign(raw ?? system.defaultDesign);
  return loaded.ok ? { ok: true, value: { design: loaded.design, name: loaded.name } } : { ok: false, message: loaded.message };
}

export function resolveTraceFormat(raw: string | undefined): Parsed<TraceFormat> {
  const value = raw ?? 'text';
  if (value === 'text' || value === 'json' || value === 'mermaid') return { ok: true, value };
  return { ok: false, message: `--trace must be text, json or mermaid, got "${value}"` };
}

/**
 * A scenario to run: a built-in one (`bank-transfer/happy-path`) or a user's
 * own file given by path (`./my-scenario.json`). `scenario` is the name to
 * pass to the system's run(); `file` is set for a user's file.
 */
export interface ResolvedScenario {
  system: SystemDef;
  scenario: string;
  info: ScenarioInfo;
  file?: string;
}

/**
 * Where each system's scenario files are parsed. Only bank-transfer has
 * scenario files so far; the table keeps the commands free of per-system
 * branches until SystemDef itself carries these two functions.
 */
const SCENARIO_FILES: Record<string, { errors(): ScenarioFileError[]; load(path: string): ScenarioFileLoad }> = {
  'bank-transfer': { errors: () => bankTransferCatalog().errors, load: loadScenarioFile },
};

/** Built-in scenario files of the system that failed to parse. */
export function scenarioFileErrors(system: SystemDef): ScenarioFileError[] {
  return SCENARIO_FILES[system.id]?.errors() ?? [];
}

/** A target ending in .json is a user's scenario file; anything else is `system/scenario`. */
export function isScenarioFile(target: string): boolean {
  return target.endsWith('.json');
}

export function resolveScenario(target: string): Parsed<ResolvedScenario> {
  if (isScenarioFile(target)) return resolveScenarioFile(target);
  const slash = target.indexOf('/');
  if (slash < 0) return { ok: false, message: `<system>/<scenario>: expected e.g. bank-transfer/happy-path or a path to a .json scenario file, got "${target}"` };
  const system = resolveSystem(target.slice(0, slash));
  if (!system.ok) return system;
  const name = target.slice(slash + 1);
  const info = system.value.scenarios().find((s) => s.name === name);
  if (info !== undefined) return { ok: true, value: { system: system.value, scenario: name, info } };
  const broken = scenarioFileErrors(system.value).find((e) => e.name === name);
  if (broken !== undefined) return { ok: false, message: `${broken.file}: ${broken.message}` };
  const known = system.value.scenarios().map((s) => s.name);
  return { ok: false, message: `<system>/<scenario>: unknown scenario "${name}" for ${system.value.id} (known: ${known.join(', ')})` };
}

/**
 * A user's scenario file. Its optional "system" field says which system it
 * belongs to (default bank-transfer); the system's parser checks the rest.
 */
function resolveScenarioFile(path: string): Parsed<ResolvedScenario> {
  const systemId = declaredSystem(path) ?? 'bank-transfer';
  const system = resolveSystem(systemId);
  if (!system.ok) return { ok: false, message: `${path}: "system": ${system.message.replace(/^<system>: /, '')}` };
  const files = SCENARIO_FILES[system.value.id];
  if (files === undefined) return { ok: false, message: `${path}: "system": ${system.value.id} has no scenario files yet` };
  const loaded = files.load(path);
  if (!loaded.ok) return { ok: false, message: `${loaded.error.file}: ${loaded.error.message}` };
  const { name, description, seed, expect } = loaded.scenario;
  return { ok: true, value: { system: system.value, scenario: path, file: path, info: { name, description, seed, expect } } };
}

/** The file's "system" field when it is readable JSON with a string there; the parser reports everything else. */
function declaredSystem(path: string): string | undefined {
  try {
    const raw: unknown = JSON.parse(readFileSync(resolve(process.cwd(), path), 'utf8'));
    const system = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).system : undefined;
    return typeof system === 'string' ? system : undefined;
  } catch {
    return undefined;
  }
}
