/**
 * Files the CLI writes besides its output (`--report FILE.html`,
 * `--junit FILE`): checked before anything runs, so that a mistyped path
 * fails at once with exit code 2 instead of after a long sweep, and written
 * in one piece at the end.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Parsed } from '../args/parse-int.ts';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The path, when it can be written: not empty, not a directory, with one of
 * `extensions` if any are given. A missing parent folder is fine (CI jobs
 * write into `reports/` without creating it first); it is created on writing.
 */
export function parseOutputFile(raw: string | undefined, flag: string, extensions: readonly string[] = []): Parsed<string | null> {
  if (raw === undefined) return { ok: true, value: null };
  const path = raw.trim();
  if (path === '') return { ok: false, message: `${flag} needs a file name` };
  if (isDirectory(path)) return { ok: false, message: `${flag}: "${raw}" is a directory; name a file in it` };
  if (extensions.length > 0 && !extensions.some((e) => path.toLowerCase().endsWith(e))) {
    return { ok: false, message: `${flag} must name a ${extensions.join(' or ')} file, got "${raw}"` };
  }
  let parent = dirname(resolve(path));
  // The nearest existing ancestor must be a folder, or the file can never be created.
  while (!isDirectory(parent) && dirname(parent) !== parent) {
    try {
      statSync(parent);
      return { ok: false, message: `${flag}: "${parent}" is not a directory` };
    } catch {
      parent = dirname(parent);
    }
  }
  return { ok: true, value: path };
}

/** Writes the whole file, creating its folder; a failure is a message naming the flag. */
export function writeOutputFile(path: string, content: string, flag: string): Parsed<true> {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, content);
    return { ok: true, value: true };
  } catch (err) {
    return { ok: false, message: `${flag}: cannot write "${path}": ${err instanceof Error ? err.message : String(err)}` };
  }
}
