/**
 * `moneysim serve bank-transfer` as a value-returning routine: start the
 * fakes in this process (unless the caller gives their URLs), an embedded
 * Postgres in its keeper process when asked for, and the coordinator in its
 * own process; restart the coordinator whenever it dies on its own (it is
 * crash-only, and recovery on start is the design's job), and return when it
 * has stopped cleanly (SIGTERM or SIGINT sent to it) or could not start.
 * What happens along the way is reported through `onEvent` for the CLI to
 * print.
 */
import { silent, type LogSink } from '../log.ts';
import type { DatabaseSpec } from '../store/database-spec.ts';
import { startKeptPostgres, type KeptPostgres } from '../store/postgres-keeper-client.ts';
import { defaultAccounts } from './bank-fakes.ts';
import { startCoordinatorChild, type ChildExit, type CoordinatorChild } from './coordinator-child.ts';
import { startFakes, type RunningFakes } from './fakes-service.ts';

export interface ServeConfig {
  design: string;
  database: DatabaseSpec;
  host: string;
  port: number;
  /** Fakes to start here, or the URLs of fakes running elsewhere. */
  fakes: { port: number; accounts: number; balanceMinor: number; seed: number } | { externalUrl: string; ledgerUrl: string };
  /** The services' JSON log lines on standard output. */
  logs: boolean;
  fakesLog: LogSink;
}

export type ServeEvent =
  | { kind: 'fakes'; baseUrl: string; accounts: number }
  | { kind: 'ready'; child: CoordinatorChild; database: string; startupMs: number }
  | { kind: 'restarted'; exit: ChildExit; child: CoordinatorChild };

export type ServeEnd = { kind: 'stopped' } | { kind: 'failed'; message: string };

const RESTART_DELAY_MS = 200;

export async function serveBankTransfer(config: ServeConfig, onEvent: (e: ServeEvent) => void): Promise<ServeEnd> {
  const startedMs = performance.now();
  let fakes: RunningFakes | null = null;
  let kept: KeptPostgres | null = null;
  try {
    let urls: { externalUrl: string; ledgerUrl: string };
    if ('externalUrl' in config.fakes) urls = config.fakes;
    else {
      const f = config.fakes;
      const started = await startFakes({ accounts: defaultAccounts(f.accounts, f.balanceMinor), seed: f.seed }, { host: config.host, port: f.port }, config.logs ? config.fakesLog : silent);
      if (!started.ok) return { kind: 'failed', message: `--fakes-port: ${started.message}` };
      fakes = started.running;
      urls = fakes;
      onEvent({ kind: 'fakes', baseUrl: fakes.baseUrl, accounts: f.accounts });
    }
    let database = config.database;
    let databaseLabel: string | null = null;
    if (database.kind === 'embedded') {
      const started = await startKeptPostgres(database.dataDir === null ? {} : { dataDir: database.dataDir });
      if (!started.ok) return { kind: 'failed', message: `--database: ${started.message}` };
      kept = started.server;
      database = { kind: 'postgres', url: kept.url };
      databaseLabel = `embedded Postgres 18 on port ${kept.port} (${kept.dataDir})`;
    }
    const childConfig = { design: config.design, database, host: config.host, port: config.port, externalUrl: urls.externalUrl, ledgerUrl: urls.ledgerUrl, logs: config.logs };
    let start = await startCoordinatorChild(childConfig, { output: 'inherit' });
    if (!start.ok) return { kind: 'failed', message: start.message };
    onEvent({ kind: 'ready', child: start.child, database: databaseLabel ?? start.child.database, startupMs: Math.round(performance.now() - startedMs) });
    for (;;) {
      const exit = await start.child.exited;
      if (exit.code === 0) return { kind: 'stopped' };
      await new Promise((r) => setTimeout(r, RESTART_DELAY_MS));
      start = await startCoordinatorChild({ ...childConfig, port: start.child.port }, { output: 'inherit' });
      if (!start.ok) return { kind: 'failed', message: `restart failed: ${start.message}` };
      onEvent({ kind: 'restarted', exit, child: start.child });
    }
  } finally {
    await fakes?.close();
    await kept?.stop();
  }
}
