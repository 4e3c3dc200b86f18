/**
 * Test helper: spec-tla/manifest.json, typed; the model an entry names (a
 * registered model id, or a model file's path from the repository root such
 * as examples/models/seed-003-exercise.ts); and the parts of a TLC .cfg file
 * the tests compare with the model (constants, invariants, properties,
 * deadlock checking, symmetry).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelDef } from '../../model/checker/define.ts';
import { loadModelFile, looksLikeModelPath } from '../../model/model-file.ts';
import { getModel } from '../../model/registry.ts';

export const SPEC_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'spec-tla');
const ROOT = join(SPEC_DIR, '..');

export interface Entry {
  readonly spec: string;
  readonly cfg: string;
  readonly model: string;
  /** The model's constants; a boolean stands for TLA+'s TRUE or FALSE. */
  readonly constants: Readonly<Record<string, number | boolean>>;
  readonly skip: readonly string[];
  readonly expect:
    | { readonly result: 'ok'; readonly distinctStates: number; readonly depth: number; readonly generatedStates?: number }
    | { readonly result: 'violation'; readonly property: string; readonly traceStates: number };
  readonly slow?: boolean;
}

export function loadManifest(): Entry[] {
  return (JSON.parse(readFileSync(join(SPEC_DIR, 'manifest.json'), 'utf8')) as { entries: Entry[] }).entries;
}

/** The model of an entry: a registered id, or a model file relative to the repository root. */
export async function modelFor(model: string): Promise<ModelDef> {
  const builtIn = getModel(model);
  if (builtIn) return builtIn;
  if (!looksLikeModelPath(model)) throw new Error(`manifest names unknown model ${model}`);
  const loaded = await loadModelFile(join(ROOT, model));
  if (!loaded.ok) throw new Error(loaded.message);
  return { ...loaded.value, id: model };
}

export interface Cfg {
  readonly constants: Record<string, number | boolean>;
  readonly invariants: string[];
  readonly properties: string[];
  /** False when the .cfg says CHECK_DEADLOCK FALSE (TLC's -deadlock). */
  checkDeadlock: boolean;
  /** The SYMMETRY definition's name, if any. */
  symmetry?: string;
}

/** The constants as a model's build takes them: TRUE and FALSE become 1 and 0. */
export function asModelConstants(c: Readonly<Record<string, number | boolean>>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 1 : 0) : v]));
}

/** Reads the CONSTANTS, INVARIANT(S) and PROPERTY(IES) sections of a .cfg (the subset these files use). */
export function parseCfg(text: string): Cfg {
  const cfg: Cfg = { constants: {}, invariants: [], properties: [], checkDeadlock: true };
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\\\*.*$/, '').trim();
    if (line === '') continue;
    const words = line.split(/\s+/);
    const head = words[0]!;
    if (/^(CONSTANTS?|INVARIANTS?|PROPERTY|PROPERTIES|SPECIFICATION|CHECK_DEADLOCK|SYMMETRY)$/.test(head)) {
      section = head;
      words.shift();
    }
    const rest = words.join(' ');
    if (section === 'CHECK_DEADLOCK') {
      if (words[0] === 'FALSE') cfg.checkDeadlock = false;
    } else if (section === 'SYMMETRY') {
      if (words[0] !== undefined) cfg.symmetry = words[0];
    } else if (section.startsWith('CONSTANT')) {
      for (const m of rest.matchAll(/(\w+)\s*=\s*(-?\d+|TRUE|FALSE)\b/g)) {
        cfg.constants[m[1]!] = m[2] === 'TRUE' ? true : m[2] === 'FALSE' ? false : Number(m[2]);
      }
      // A set of model values stands for a model's ids() domain, whose size is the model's constant.
      for (const m of rest.matchAll(/(\w+)\s*=\s*\{([^}]*)\}/g)) {
        cfg.constants[m[1]!] = m[2]!.split(',').filter((v) => v.trim() !== '').length;
      }
    } else if (section.startsWith('INVARIANT')) {
      cfg.invariants.push(...words);
    } else if (section.startsWith('PROPERT')) {
      cfg.properties.push(...words);
    }
  }
  return cfg;
}
