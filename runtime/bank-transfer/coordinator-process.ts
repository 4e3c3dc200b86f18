/**
 * The coordinator as a service process: load the design, open the database,
 * build the real ports, start the coordinator (its recovery runs here, as
 * after every restart in the simulator) and serve its API.
 *
 * The parent (`serve` or `chaos`) passes the configuration as one JSON
 * argument and hears back over the IPC channel: `ready` with the port and
 * boot id, or `failed` with a message. Logs are JSON lines on standard
 * output.
 *
 * Shutdown is clean on SIGTERM, SIGINT, and when the parent goes away (the
 * IPC channel closes): stop accepting, close the database, exit 0. The
 * process is crash-only otherwise: when the store cannot tell whether a
 * COMMIT happened, or a design's background promise rejects unhandled, it
 * exits with code 70 and everything is recovered from what is durable on
 * the next start, exactly as after kill -9.
 */
import type { BankTransferDesign } from '../../impl/bank-transfer/contract.ts';
import { bankTransferSystem } from '../../sim/systems/bank-transfer-system.ts';
import { jsonLines, silent, type LogSink } from '../log.ts';
import { closeServer, listen } from '../net/json-server.ts';
import { newBootId } from '../ports/boot-ids.ts';
import type { DatabaseSpec } from '../store/database-spec.ts';
import { openDatabase } from '../store/open-database.ts';
import { PostgresStore } from '../store/postgres-store.ts';
import { createCoordinatorServer } from './coordinator-server.ts';
import { realBankTransferPorts } from './real-ports.ts';

export interface CoordinatorProcessConfig {
  design: string;
  database: DatabaseSpec;
  host: string;
  port: number;
  externalUrl: string;
  ledgerUrl: string;
  logs: boolean;
  /**
   * Load everything, then wait for a `go` message before opening the
   * database and starting: a warm standby that takes over within
   * milliseconds of the active process being killed.
   */
  standby?: boolean;
}

export type CoordinatorMessage =
  | { type: 'standby' }
  | { type: 'ready'; port: number; bootId: string; database: string; startupMs: number }
  | { type: 'failed'; message: string };

export const EXIT_CRASH_ONLY = 70;

export async function runCoordinatorProcess(rawConfig: string): Promise<void> {
  let startedMs = performance.now();
  const config = JSON.parse(rawConfig) as CoordinatorProcessConfig;
  const bootId = newBootId();
  const log: LogSink = config.logs ? jsonLines('coordinator', (l) => process.stdout.write(l)) : silent;
  const tell = (m: CoordinatorMessage): void => {
    if (process.send !== undefined && process.connected) process.send(m);
  };
  const fail = (message: string, code: number): never => {
    log('failed', { message });
    tell({ type: 'failed', message });
    process.exit(code);
  };
  log('boot', { bootId, design: config.design, pid: process.pid });

  const loaded = await bankTransferSystem.loadDesign(config.design);
  if (!loaded.ok) return fail(loaded.message, 2);
  const design = loaded.design as BankTransferDesign;
  if (config.standby === true) {
    process.once('disconnect', () => process.exit(0));
    tell({ type: 'standby' });
    await new Promise<void>((resolve) => process.once('message', () => resolve()));
    startedMs = performance.now();
  }
  const opened = await openDatabase(config.database);
  if (!opened.ok) return fail(opened.message, 1);
  const db = opened.db;

  // Crash-only: the database is closed (a server this process started is stopped) and nothing else is tidied.
  const crash = async (): Promise<void> => {
    await Promise.race([db.close(), new Promise((r) => setTimeout(r, 2000))]);
    process.exit(EXIT_CRASH_ONLY);
  };
  const store = new PostgresStore(db.conn, {
    onEvent: (e) => {
      log(`store-${e.kind}`, { reason: e.reason });
      if (e.kind === 'commit-unknown') void crash();
    },
  });
  process.on('unhandledRejection', (err) => {
    log('unhandled-rejection', { message: err instanceof Error ? err.message : String(err) });
    void crash();
  });
  const ports = realBankTransferPorts({ store, bootId, externalUrl: config.externalUrl, ledgerUrl: config.ledgerUrl });
  let coordinator;
  try {
    coordinator = design.create(ports);
    coordinator.start();
  } catch (err) {
    await db.close();
    return fail(`the design threw on start: ${err instanceof Error ? err.message : String(err)}`, 1);
  }
  const server = createCoordinatorServer(coordinator, { design: design.name, bootId }, log);
  const listening = await listen(server, config.port, config.host);
  if (!listening.ok) {
    await db.close();
    return fail(`--port: ${listening.message}`, 2);
  }

  let stopping = false;
  const shutdown = async (why: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('shutdown', { why });
    await closeServer(server);
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('disconnect', () => void shutdown('parent gone'));

  const startupMs = Math.round(performance.now() - startedMs);
  log('ready', { port: listening.port, database: db.label, startupMs });
  tell({ type: 'ready', port: listening.port, bootId, database: db.label, startupMs });
}
