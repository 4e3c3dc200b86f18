/**
 * Where a coordinator keeps its data, as given by `--database`:
 * - `pglite` or `pglite:DIR`: PGlite in the coordinator's own process, data
 *   in DIR (default `.moneysim/<system>/pglite` under the working directory);
 * - `embedded` or `embedded:DIR`: a Postgres server started from npm, in a
 *   fresh temporary folder (deleted when it stops) or in DIR (kept);
 * - `postgres://...` or `postgresql://...`: any Postgres server.
 */
import { resolve } from 'node:path';

export type DatabaseSpec =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'embedded'; dataDir: string | null }
  | { kind: 'postgres'; url: string };

export type SpecParse = { ok: true; value: DatabaseSpec } | { ok: false; message: string };

export function defaultPgliteDir(system: string): string {
  return resolve(process.cwd(), '.moneysim', system, 'pglite');
}

export function parseDatabaseSpec(raw: string | undefined, system: string, flag = '--database'): SpecParse {
  const value = raw ?? 'pglite';
  if (value === 'pglite') return { ok: true, value: { kind: 'pglite', dataDir: defaultPgliteDir(system) } };
  if (value === 'embedded') return { ok: true, value: { kind: 'embedded', dataDir: null } };
  const dir = /^(pglite|embedded):(.+)$/.exec(value);
  if (dir !== null) {
    const dataDir = resolve(process.cwd(), dir[2]!);
    return { ok: true, value: dir[1] === 'pglite' ? { kind: 'pglite', dataDir } : { kind: 'embedded', dataDir } };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      return { ok: false, message: `${flag}: "${value}" is not a valid postgres:// URL` };
    }
    return { ok: true, value: { kind: 'postgres', url: value } };
  }
  return { ok: false, message: `${flag} must be pglite, pglite:DIR, embedded, embedded:DIR or a postgres:// URL, got "${value}"` };
}
