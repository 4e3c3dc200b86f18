/**
 * Imports a user's design module from a path given on the command line
 * (`--design ./my-coordinator.ts`), for any system. The file may be
 * TypeScript or JavaScript (.ts, .mts, .js, .mjs) and may live anywhere: in
 * the repository, in a project of the user's own, or in /tmp. Every problem
 * comes back as a message naming the flag and the file, never as a crash.
 * Checking the shape of the exported design is the system's business.
 */
import { existsSync, statSync } from 'node:fs';
import { register } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeImportError } from './import-error.ts';

export type ModuleImport = { ok: true; exported: unknown } | { ok: false; message: string };

export function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || /\.(ts|mts|js|mjs)$/.test(value);
}

let hooksRegistered = false;

/**
 * Files outside an ES module package would otherwise be loaded as CommonJS
 * and fail; see esm-format-hooks.mjs. Registered once, on first use, so that
 * runs without a user's module never touch Node's loader.
 */
function registerEsmFormatHooks(): void {
  if (hooksRegistered) return;
  hooksRegistered = true;
  register(new URL('./esm-format-hooks.mjs', import.meta.url));
}

/**
 * Imports the module and returns the design it exports: its `design` export,
 * else its default export. A CommonJS module's `module.exports` arrives as the
 * default export, so a `design` property of that is accepted too.
 */
export async function importDesignModule(path: string): Promise<ModuleImport> {
  const flag = '--design';
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
  const fallback = mod.default as Record<string, unknown> | undefined;
  const exported = mod.design ?? (typeof fallback === 'object' && fallback !== null && 'design' in fallback ? fallback.design : fallback);
  if (typeof exported !== 'object' || exported === null) {
    return { ok: false, message: `${flag}: "${path}" must export a design object as "design" or as its default export` };
  }
  return { ok: true, exported };
}
