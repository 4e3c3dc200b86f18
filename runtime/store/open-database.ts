/**
 * Opens the database a `DatabaseSpec` names and makes sure the store's table
 * exists. `close` closes the connection and stops a server this call started.
 */
import type { DatabaseSpec } from './database-spec.ts';
import { startEmbeddedPostgres } from './embedded-server.ts';
import { ensureKvTable } from './kv-table.ts';
import { openPg } from './pg-connection.ts';
import { openPglite } from './pglite-connection.ts';
import type { SqlConnection } from './sql-connection.ts';

export interface OpenDatabase {
  conn: SqlConnection;
  /** A description for the start-up line, without passwords. */
  label: string;
  close(): Promise<void>;
}

export type DatabaseOpen = { ok: true; db: OpenDatabase } | { ok: false; message: string };

export async function openDatabase(spec: DatabaseSpec): Promise<DatabaseOpen> {
  let conn: SqlConnection | undefined;
  let stopServer = async (): Promise<void> => undefined;
  let label: string;
  try {
    if (spec.kind === 'pglite') {
      conn = await openPglite(spec.dataDir);
      label = conn.label;
    } else if (spec.kind === 'postgres') {
      conn = openPg(spec.url);
      label = conn.label;
    } else {
      const started = await startEmbeddedPostgres(spec.dataDir === null ? {} : { dataDir: spec.dataDir });
      if (!started.ok) return started;
      conn = openPg(started.server.url);
      stopServer = started.server.stop;
      label = `embedded Postgres on port ${started.server.port} (${started.server.dataDir})`;
    }
    await ensureKvTable(conn);
  } catch (err) {
    await conn?.close().catch(() => undefined);
    await stopServer().catch(() => undefined);
    return { ok: false, message: `--database: cannot open ${spec.kind === 'postgres' ? 'the server' : spec.kind}: ${err instanceof Error ? err.message : String(err)}` };
  }
  const opened = conn;
  return {
    ok: true,
    db: {
      conn: opened,
      label,
      close: async () => {
        await opened.close().catch(() => undefined);
        await stopServer();
      },
    },
  };
}
