/**
 * Starts the bank-transfer fakes' HTTP server in this process and returns
 * the URLs a coordinator is given: `<base>/external` and `<base>/ledger`.
 */
import type { LogSink } from '../log.ts';
import { closeServer, listen } from '../net/json-server.ts';
import { BankFakes, type BankFakesConfig } from './bank-fakes.ts';
import { createFakesServer } from './fakes-server.ts';

export interface RunningFakes {
  fakes: BankFakes;
  baseUrl: string;
  externalUrl: string;
  ledgerUrl: string;
  port: number;
  close(): Promise<void>;
}

export async function startFakes(
  config: BankFakesConfig,
  where: { host: string; port: number },
  log: LogSink,
): Promise<{ ok: true; running: RunningFakes } | { ok: false; message: string }> {
  const fakes = new BankFakes(config);
  const server = createFakesServer(fakes, log);
  const listening = await listen(server, where.port, where.host);
  if (!listening.ok) return { ok: false, message: listening.message };
  const baseUrl = `http://${where.host}:${listening.port}`;
  return {
    ok: true,
    running: {
      fakes,
      baseUrl,
      externalUrl: `${baseUrl}/external`,
      ledgerUrl: `${baseUrl}/ledger`,
      port: listening.port,
      close: () => closeServer(server),
    },
  };
}
