/**
 * PGlite (Postgres compiled to WebAssembly, running in this process) as a
 * SQL connection, with its data in a directory. It has one connection and
 * serialises every transaction, which is all a single coordinator process
 * needs; it cannot show isolation anomalies (use a server for that).
 * The first open of a new directory runs initdb and takes a few seconds.
 */
import { mkdirSync } from 'node:fs';
import type { SqlConnection, SqlRows } from './sql-connection.ts';

export async function openPglite(dataDir: string): Promise<SqlConnection> {
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir);
  return {
    label: `pglite:${dataDir}`,
    async query(text: string, params?: readonly unknown[]): Promise<SqlRows> {
      const result = await db.query<Record<string, unknown>>(text, params === undefined ? undefined : [...params]);
      return { rows: result.rows };
    },
    close: () => db.close(),
  };
}
