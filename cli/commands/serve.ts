/**
 * `moneysim serve bank-transfer`: the coordinator as an HTTP service on a
 * real database, with the fakes it talks to (or fakes running elsewhere),
 * until stopped. The work is runtime/bank-transfer/serve-bank-transfer.ts;
 * this file reads the flags and prints.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { looksLikePath } from '../../sim/design/design-module.ts';
import { bankTransferSystem } from '../../sim/systems/bank-transfer-system.ts';
import { jsonLines } from '../../runtime/log.ts';
import { parseDatabaseSpec } from '../../runtime/store/database-spec.ts';
import type { ServeEvent } from '../../runtime/bank-transfer/serve-bank-transfer.ts';
import { parseFakesFlags, parsePort } from '../args/fakes-flags.ts';
import type { Parsed } from '../args/parse-int.ts';
import { badInput, ok, type Outcome } from '../outcome.ts';
import { printLine } from '../print.ts';
import type { Report } from './index.ts';

interface ServeOptions {
  design?: string;
  port?: string;
  host?: string;
  database?: string;
  fakesPort?: string;
  externalUrl?: string;
  ledgerUrl?: string;
  accounts?: string;
  balanceMinor?: string;
  seed?: string;
  quiet?: boolean;
}

export function registerServe(program: Command, report: Report): void {
  program
    .command('serve')
    .description('Run a coordinator for real: an HTTP API on a real database, with the fakes as HTTP services')
    .argument('<system>', 'the system to serve (bank-transfer)')
    .option('--design <name|path>', 'built-in design name or a module path (default: reference)')
    .option('--port <n>', 'the API port (default 8080; 0 picks a free one)')
    .option('--host <address>', 'the address to listen on (default 127.0.0.1)')
    .option('--database <spec>', 'pglite[:DIR] (default, data in .moneysim/<system>/pglite), embedded[:DIR], or a postgres:// URL')
    .option('--fakes-port <n>', 'the port of the fakes started with the service (default 8081)')
    .option('--external-url <url>', 'use an external institution running elsewhere (with --ledger-url; e.g. from `moneysim fakes`)')
    .option('--ledger-url <url>', 'use an internal ledger running elsewhere')
    .option('--accounts <n>', 'external accounts acc-1..acc-N of the fakes (default 8)')
    .option('--balance-minor <n>', "each account's opening balance in minor units (default 1000000)")
    .option('--seed <n>', "seed of the fakes' fault draws (default 1)")
    .option('--quiet', 'no JSON log lines')
    .action(async (system: string, opts: ServeOptions) => report(await serve(system, opts)));
}

async function serve(system: string, opts: ServeOptions): Promise<Outcome> {
  if (system !== 'bank-transfer') return badInput(`serve: only bank-transfer runs for real so far, got "${system}"`);
  const port = parsePort(opts.port, '--port', 8080);
  if (!port.ok) return badInput(port.message);
  const fakesPort = parsePort(opts.fakesPort, '--fakes-port', 8081);
  if (!fakesPort.ok) return badInput(fakesPort.message);
  const flags = parseFakesFlags(opts);
  if (!flags.ok) return badInput(flags.message);
  const database = parseDatabaseSpec(opts.database, system);
  if (!database.ok) return badInput(database.message);
  if ((opts.externalUrl === undefined) !== (opts.ledgerUrl === undefined)) {
    return badInput('--external-url and --ledger-url go together: give both, or neither to start the fakes here');
  }
  for (const [flag, url] of [['--external-url', opts.externalUrl], ['--ledger-url', opts.ledgerUrl]] as const) {
    if (url !== undefined && !/^http:\/\/[^/]+/.test(url)) return badInput(`${flag} must be an http:// URL, got "${url}"`);
  }
  const design = await checkedDesign(opts.design);
  if (!design.ok) return badInput(design.message);
  // Loaded on use, so that other commands do not pay for the runtime's modules.
  const { serveBankTransfer } = await import('../../runtime/bank-transfer/serve-bank-transfer.ts');
  const end = await serveBankTransfer(
    {
      design: design.value,
      database: database.value,
      host: opts.host ?? '127.0.0.1',
      port: port.value,
      fakes:
        opts.externalUrl !== undefined && opts.ledgerUrl !== undefined
          ? { externalUrl: opts.externalUrl, ledgerUrl: opts.ledgerUrl }
          : { port: fakesPort.value, ...flags.value },
      logs: opts.quiet !== true,
      fakesLog: jsonLines('fakes', (l) => process.stdout.write(l)),
    },
    (e) => printLine(describeEvent(e, opts.host ?? '127.0.0.1')),
  );
  if (end.kind === 'failed') return badInput(end.message);
  return ok;
}

/** Loads the design here, so that a bad name or module is refused before anything starts; paths go to the child absolute. */
async function checkedDesign(raw: string | undefined): Promise<Parsed<string>> {
  const name = raw ?? 'reference';
  const loaded = await bankTransferSystem.loadDesign(name);
  if (!loaded.ok) return { ok: false, message: loaded.message };
  return { ok: true, value: looksLikePath(name) ? resolve(process.cwd(), name) : name };
}

function describeEvent(e: ServeEvent, host: string): string {
  switch (e.kind) {
    case 'fakes':
      return `fakes      ${e.baseUrl}  external ${e.baseUrl}/external, ledger ${e.baseUrl}/ledger, books GET /books, faults /admin/faults; accounts acc-1..acc-${e.accounts}`;
    case 'ready':
      return [
        `database   ${e.database}`,
        `API        http://${host}:${e.child.port}  POST /transfers (Idempotency-Key header), GET /transfers/<id>`,
        `ready in ${e.startupMs} ms (coordinator pid ${e.child.pid}, boot ${e.child.bootId}); stop with Ctrl-C or SIGTERM`,
      ].join('\n');
    case 'restarted': {
      const how = e.exit.signal !== null ? `killed by ${e.exit.signal}` : `exited with code ${e.exit.code}`;
      return `coordinator ${how}; restarted as pid ${e.child.pid} (boot ${e.child.bootId}), recovering from the database`;
    }
  }
}

