/**
 * Loads a model file given by path (`moneysim check ./my-model.ts`), by the
 * same rules as a design module given to `--design` (sim/design/): the file
 * may be TypeScript or JavaScript and may live anywhere on disk. It exports,
 * as `default` or as `model`, either a model description (kit.ts
 * `ModelFile`) or a function that receives the kit and returns one. Every
 * problem comes back as a message naming the file, never as a crash.
 */
import { existsSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeImportError } from '../sim/design/import-error.ts';
import type { Checked } from './checker/constants.ts';
import type { ConstantDecl, ModelDef } from './checker/define.ts';
import { kit, type ConstantInput } from './kit.ts';

export function looksLikeModelPath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || /\.(ts|mts|js|mjs)$/.test(value);
}

let hooksRegistered = false;

/** See sim/design/esm-format-hooks.mjs: files outside an ES module package load as ES modules all the same. */
function registerEsmFormatHooks(): void {
  if (hooksRegistered) return;
  hooksRegistered = true;
  register(new URL('../sim/design/esm-format-hooks.mjs', import.meta.url));
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function constantDecl(input: unknown, where: string): Checked<ConstantDecl> {
  if (typeof input !== 'object' || input === null) return { ok: false, message: `${where} must be an object { name, default, min, max, description }` };
  const c = input as Partial<ConstantInput>;
  if (typeof c.name !== 'string' || !NAME.test(c.name)) return { ok: false, message: `${where}.name must be an identifier, got ${JSON.stringify(c.name)}` };
  const at = `constant ${c.name}`;
  const description = typeof c.description === 'string' ? c.description : '';
  if (typeof c.default === 'boolean') {
    if (c.min !== undefined || c.max !== undefined) return { ok: false, message: `${at}: a boolean constant takes no min or max` };
    return { ok: true, value: { name: c.name, description, default: c.default ? 1 : 0, min: 0, max: 1, boolean: true } };
  }
  if (!Number.isSafeInteger(c.default)) return { ok: false, message: `${at}: default must be an integer or a boolean, got ${JSON.stringify(c.default)}` };
  const value = c.default as number;
  const min = c.min ?? value;
  const max = c.max ?? value;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) return { ok: false, message: `${at}: min and max must be integers` };
  if (min > value || value > max) return { ok: false, message: `${at}: default ${value} is outside min..max (${min}..${max})` };
  return { ok: true, value: { name: c.name, description, default: value, min, max } };
}

/** Turns what a model file exports into a ModelDef, refusing anything malformed by name. */
export function modelDefOf(exported: unknown, path: string): Checked<ModelDef> {
  let def = exported;
  if (typeof def === 'function') {
    try {
      def = (def as (k: typeof kit) => unknown)(kit);
    } catch (err) {
      return { ok: false, message: `the function "${path}" exports threw: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
  if (typeof def !== 'object' || def === null) return { ok: false, message: `"${path}" must export a model (an object with build(), or a function of the kit returning one) as default or as "model"` };
  const m = def as { id?: unknown; description?: unknown; constants?: unknown; build?: unknown };
  if (typeof m.build !== 'function') return { ok: false, message: `"${path}": the model has no build(constants) function` };
  if (m.id !== undefined && typeof m.id !== 'string') return { ok: false, message: `"${path}": id must be a string` };
  if (m.constants !== undefined && !Array.isArray(m.constants)) return { ok: false, message: `"${path}": constants must be a list` };
  const constants: ConstantDecl[] = [];
  for (const [i, c] of ((m.constants as unknown[] | undefined) ?? []).entries()) {
    const decl = constantDecl(c, `constants[${i}]`);
    if (!decl.ok) return { ok: false, message: `"${path}": ${decl.message}` };
    if (constants.some((d) => d.name === decl.value.name)) return { ok: false, message: `"${path}": constant ${decl.value.name} is declared twice` };
    constants.push(decl.value);
  }
  return {
    ok: true,
    value: {
      id: (m.id as string | undefined) ?? path,
      description: typeof m.description === 'string' ? m.description : '',
      constants,
      build: m.build as ModelDef['build'],
    },
  };
}

/** Imports the model file at `path` (relative to the working directory). `flag` names the argument in messages. */
export async function loadModelFile(path: string, flag = '<model>'): Promise<Checked<ModelDef>> {
  const absolute = resolve(process.cwd(), path);
  if (!existsSync(absolute)) return { ok: false, message: `${flag}: no such file "${path}"` };
  if (!statSync(absolute).isFile()) return { ok: false, message: `${flag}: "${path}" is not a file` };
  registerEsmFormatHooks();
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
  } catch (err) {
    return { ok: false, message: `${flag}: cannot load "${path}": ${describeImportError(err, absolute)}` };
  }
  const fallback = mod['default'] as Record<string, unknown> | undefined;
  // A CommonJS module's module.exports arrives as the default export, so a `model` property of that counts too.
  const exported = mod['model'] ?? (typeof fallback === 'object' && fallback !== null && 'model' in fallback && typeof fallback['build'] !== 'function' ? fallback['model'] : fallback);
  const def = modelDefOf(exported, path);
  return def.ok ? def : { ok: false, message: `${flag}: ${def.message}` };
}
