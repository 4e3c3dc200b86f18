/**
 * Validation of `--emit-test <file>` and `--emit-test-kind`, before any run:
 * the file must be a .test.ts file in an existing, writable directory, so a
 * long sweep never ends in a write error.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { EmitTestKind } from '../format/emit-test.ts';
import type { Parsed } from './parse-int.ts';

export interface EmitTestTarget {
  file: string;
  kind: EmitTestKind;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function parseEmitTest(file: string | undefined, kind: string | undefined): Parsed<EmitTestTarget | null> {
  if (file === undefined) return kind === undefined ? { ok: true, value: null } : { ok: false, message: '--emit-test-kind applies only with --emit-test <file>' };
  const value = kind ?? 'holds';
  if (value !== 'holds' && value !== 'fails') return { ok: false, message: `--emit-test-kind must be holds or fails, got "${value}"` };
  if (!/\.test\.ts$/.test(file)) return { ok: false, message: `--emit-test must name a .test.ts file, got "${file}"` };
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { ok: false, message: `--emit-test: directory "${dirname(file)}" does not exist` };
  if (!writable(dir)) return { ok: false, message: `--emit-test: directory "${dirname(file)}" is not writable` };
  if (existsSync(file) && (!statSync(file).isFile() || !writable(file))) return { ok: false, message: `--emit-test: "${file}" exists and is not a writable file` };
  return { ok: true, value: { file, kind: value } };
}
