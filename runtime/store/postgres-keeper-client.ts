/**
 * Starts an embedded Postgres server in its own keeper process (see
 * postgres-keeper.ts) and returns its URL and a `stop` that waits until the
 * server is down.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EmbeddedOptions } from './embedded-server.ts';
import type { KeeperMessage } from './postgres-keeper.ts';

const ENTRY = fileURLToPath(new URL('./postgres-keeper-main.mjs', import.meta.url));

export interface KeptPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export function startKeptPostgres(options: EmbeddedOptions = {}, readyTimeoutMs = 120_000): Promise<{ ok: true; server: KeptPostgres } | { ok: false; message: string }> {
  const proc = fork(ENTRY, [JSON.stringify(options)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
  let stderrTail = '';
  proc.stderr?.on('data', (c: Buffer) => (stderrTail = (stderrTail + c.toString('utf8')).slice(-2000)));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      proc.kill('SIGTERM');
      resolve({ ok: false, message: `embedded Postgres was not ready after ${readyTimeoutMs} ms` });
    }, readyTimeoutMs);
    proc.on('message', (m: KeeperMessage) => {
      clearTimeout(timer);
      if (m.type === 'failed') return resolve({ ok: false, message: m.message });
      const stop = async (): Promise<void> => {
        if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
        await exited;
      };
      resolve({ ok: true, server: { url: m.url, port: m.port, dataDir: m.dataDir, stop } });
    });
    void exited.then(() => {
      clearTimeout(timer);
      resolve({ ok: false, message: `embedded Postgres keeper exited during start-up${stderrTail.trim() !== '' ? `: ${stderrTail.trim()}` : ''}` });
    });
  });
}
