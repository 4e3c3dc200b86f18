/**
 * Keeps an embedded Postgres server on behalf of a parent process.
 *
 * The server is a child of whichever process started it, and outlives that
 * process if it dies without stopping it. The moneysim command runs in a
 * worker thread, which never sees SIGTERM: the process would die without a
 * chance to stop anything. So the server is started from this small process
 * instead, which stops it (and deletes a temporary data folder) when told
 * to (SIGTERM, SIGINT) and also when its parent goes away, however that
 * happened: the IPC channel closes.
 */
import { startEmbeddedPostgres, type EmbeddedOptions } from './embedded-server.ts';

export type KeeperMessage = { type: 'ready'; url: string; port: number; dataDir: string } | { type: 'failed'; message: string };

export async function runPostgresKeeper(rawOptions: string): Promise<void> {
  const tell = (m: KeeperMessage): void => {
    if (process.send !== undefined && process.connected) process.send(m);
  };
  const started = await startEmbeddedPostgres(JSON.parse(rawOptions) as EmbeddedOptions);
  if (!started.ok) {
    tell({ type: 'failed', message: started.message });
    process.exit(1);
  }
  const { server } = started;
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('disconnect', () => void stop());
  tell({ type: 'ready', url: server.url, port: server.port, dataDir: server.dataDir });
}
