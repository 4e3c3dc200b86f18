/**
 * `moneysim fakes bank-transfer`: the external institution and the internal
 * ledger as HTTP services, with the simulator's fault modes switchable at
 * run time (PUT /admin/faults) and their books readable (GET /books), for a
 * coordinator served elsewhere (`serve --external-url ... --ledger-url ...`).
 * Runs until the process is stopped; the books live in memory.
 */
import type { Command } from 'commander';
import { defaultAccounts } from '../../runtime/bank-transfer/bank-fakes.ts';
import { jsonLines, silent } from '../../runtime/log.ts';
import { parseFakesFlags, parsePort } from '../args/fakes-flags.ts';
import { badInput, type Outcome } from '../outcome.ts';
import { printLine } from '../print.ts';
import type { Report } from './index.ts';

interface FakesOptions {
  port?: string;
  host?: string;
  accounts?: string;
  balanceMinor?: string;
  seed?: string;
  quiet?: boolean;
}

export function registerFakes(program: Command, report: Report): void {
  program
    .command('fakes')
    .description("Serve a system's fakes over HTTP (bank-transfer: external institution and internal ledger), faults switchable, books readable")
    .argument('<system>', 'the system (bank-transfer)')
    .option('--port <n>', 'the port (default 8081; 0 picks a free one)')
    .option('--host <address>', 'the address to listen on (default 127.0.0.1)')
    .option('--accounts <n>', 'external accounts acc-1..acc-N (default 8)')
    .option('--balance-minor <n>', "each account's opening balance in minor units (default 1000000)")
    .option('--seed <n>', 'seed of the fault draws (default 1)')
    .option('--quiet', 'no JSON log line per call')
    .action(async (system: string, opts: FakesOptions) => report(await fakes(system, opts)));
}

async function fakes(system: string, opts: FakesOptions): Promise<Outcome> {
  if (system !== 'bank-transfer') return badInput(`fakes: only bank-transfer has HTTP fakes so far, got "${system}"`);
  const port = parsePort(opts.port, '--port', 8081);
  if (!port.ok) return badInput(port.message);
  const flags = parseFakesFlags(opts);
  if (!flags.ok) return badInput(flags.message);
  const { accounts, balanceMinor, seed } = flags.value;
  const host = opts.host ?? '127.0.0.1';
  const log = opts.quiet === true ? silent : jsonLines('fakes', (l) => process.stdout.write(l));
  const { startFakes } = await import('../../runtime/bank-transfer/fakes-service.ts');
  const started = await startFakes({ accounts: defaultAccounts(accounts, balanceMinor), seed }, { host, port: port.value }, log);
  if (!started.ok) return badInput(`--port: ${started.message}`);
  const { baseUrl } = started.running;
  printLine(`fakes      ${baseUrl}  accounts acc-1..acc-${accounts}, ${balanceMinor} minor units each`);
  printLine(`external   ${baseUrl}/external  (POST cashOut, undo, status)`);
  printLine(`ledger     ${baseUrl}/ledger  (POST credit)`);
  printLine(`books      GET ${baseUrl}/books; faults GET/PUT ${baseUrl}/admin/faults, POST ${baseUrl}/admin/heal`);
  // Serves until the process is stopped.
  return new Promise<Outcome>(() => undefined);
}
