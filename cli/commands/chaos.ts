/**
 * `moneysim chaos bank-transfer`: runs the coordinator for real and kills it
 * with SIGKILL at random moments while clients press the button and the
 * fakes inject faults, then heals and checks the simulator's invariants
 * against the fakes' books (runtime/chaos/chaos-run.ts). Exit 0 when every
 * invariant held, 1 on a violation.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { looksLikePath } from '../../sim/design/design-module.ts';
import { bankTransferSystem } from '../../sim/systems/bank-transfer-system.ts';
import type { ChaosConfig } from '../../runtime/chaos/chaos-config.ts';
import { parseDurationMs, parseDurationRangeMs } from '../args/duration.ts';
import { parseNonNegativeInt, parsePositiveInt, type Parsed } from '../args/parse-int.ts';
import { formatChaosText } from '../format/chaos-report.ts';
import { shellQuote } from '../format/shell-quote.ts';
import { badInput, ok, violation, type Outcome } from '../outcome.ts';
import { printJson, printLine, statusLine } from '../print.ts';
import type { Report } from './index.ts';

interface ChaosOptions {
  design?: string;
  duration?: string;
  kills?: string;
  killEvery?: string;
  clients?: string;
  accounts?: string;
  balanceMinor?: string;
  faults?: string;
  seed?: string;
  drainTimeout?: string;
  history?: string;
  json?: boolean;
}

/** One kill per this much of the fault phase unless --kills or --kill-every says otherwise. */
const DEFAULT_KILL_SPACING_MS = 1500;

export function registerChaos(program: Command, report: Report): void {
  program
    .command('chaos')
    .description('Run the coordinator for real on embedded Postgres, kill -9 it at random moments under load and faults, then check the invariants')
    .argument('<system>', 'the system (bank-transfer)')
    .option('--design <name|path>', 'built-in design name or a module path (default: reference)')
    .option('--duration <time>', 'length of the fault phase, e.g. 20s or 2m (default 60s)')
    .option('--kills <n>', 'SIGKILLs at random moments of the fault phase (default: one per 1.5 s)')
    .option('--kill-every <range>', 'instead of --kills: one SIGKILL every interval drawn from a range, e.g. 1s-5s')
    .option('--clients <n>', 'concurrent clients pressing the button (default 8)')
    .option('--accounts <n>', 'external accounts the clients draw from (default 32)')
    .option('--balance-minor <n>', "each account's opening balance in minor units (default 10000000)")
    .option('--faults <preset>', "the fakes' faults during the fault phase: default or none (default: default)")
    .option('--seed <n>', 'seed of the kill plan, the clients and the fault draws (default 1)')
    .option('--drain-timeout <time>', 'how long healing may take before unanswered presses count as violations (default 30s)')
    .option('--history <file>', 'write every request (invoke, then ok, fail or unknown, with times) as JSON lines')
    .option('--json', 'print one JSON object')
    .action(async (system: string, opts: ChaosOptions) => report(await chaos(system, opts)));
}

async function chaos(system: string, opts: ChaosOptions): Promise<Outcome> {
  if (system !== 'bank-transfer') return badInput(`chaos: only bank-transfer runs for real so far, got "${system}"`);
  const config = await readConfig(opts);
  if (!config.ok) return badInput(config.message);
  // Loaded on use, so that other commands do not pay for the runtime's modules.
  const { runChaos } = await import('../../runtime/chaos/chaos-run.ts');
  const progress = statusLine();
  const end = await runChaos(config.value, (p) =>
    progress.show(`chaos ${p.phase === 'faults' ? 'faults' : 'healing'} ${(p.elapsedMs / 1000).toFixed(0)}s/${config.value.durationMs / 1000}s: ${p.kills} kills, ${p.presses} presses, ${p.answered} answers`),
  );
  progress.clear();
  if (end.kind === 'failed') return { kind: 'internal-error', message: `chaos could not run: ${end.message}` };
  const { result } = end;
  if (opts.history !== undefined && result.history !== null) writeFileSync(opts.history, result.history);
  if (opts.json === true) printJson({ ...result, history: opts.history ?? null });
  else printLine(formatChaosText(result, rerunLine(opts, result.seed)));
  return result.finding === null ? ok : violation;
}

async function readConfig(opts: ChaosOptions): Promise<Parsed<ChaosConfig>> {
  const duration = parseDurationMs(opts.duration, '--duration', 60_000);
  if (!duration.ok) return duration;
  if (duration.value < 1000) return { ok: false, message: `--duration must be at least 1s, got "${opts.duration}"` };
  if (opts.kills !== undefined && opts.killEvery !== undefined) return { ok: false, message: '--kills and --kill-every exclude each other: give one' };
  const kills = parseNonNegativeInt(opts.kills, '--kills', Math.max(1, Math.floor(duration.value / DEFAULT_KILL_SPACING_MS)));
  if (!kills.ok) return kills;
  const every = parseDurationRangeMs(opts.killEvery, '--kill-every', { minMs: 0, maxMs: 0 });
  if (!every.ok) return every;
  if (opts.killEvery !== undefined && every.value.minMs < 100) return { ok: false, message: `--kill-every must be at least 100ms, got "${opts.killEvery}"` };
  const clients = parsePositiveInt(opts.clients, '--clients', 8);
  if (!clients.ok) return clients;
  const accounts = parsePositiveInt(opts.accounts, '--accounts', 32);
  if (!accounts.ok) return accounts;
  const balance = parseNonNegativeInt(opts.balanceMinor, '--balance-minor', 10_000_000);
  if (!balance.ok) return balance;
  const seed = parseNonNegativeInt(opts.seed, '--seed', 1);
  if (!seed.ok) return seed;
  const drain = parseDurationMs(opts.drainTimeout, '--drain-timeout', 30_000);
  if (!drain.ok) return drain;
  const faults = opts.faults ?? 'default';
  if (faults !== 'default' && faults !== 'none') return { ok: false, message: `--faults must be default or none, got "${faults}"` };
  const design = opts.design ?? 'reference';
  const loaded = await bankTransferSystem.loadDesign(design);
  if (!loaded.ok) return { ok: false, message: loaded.message };
  return {
    ok: true,
    value: {
      design: looksLikePath(design) ? resolve(process.cwd(), design) : design,
      seed: seed.value,
      durationMs: duration.value,
      kills: opts.killEvery !== undefined ? { everyMinMs: every.value.minMs, everyMaxMs: every.value.maxMs } : { count: kills.value },
      clients: clients.value,
      accounts: accounts.value,
      balanceMinor: balance.value,
      faults,
      drainTimeoutMs: drain.value,
      keepHistory: opts.history !== undefined,
    },
  };
}

/** The same plan again (the real timing around it will differ). */
function rerunLine(opts: ChaosOptions, seed: number): string {
  const args = ['npx', 'moneysim', 'chaos', 'bank-transfer'];
  const add = (flag: string, value: string | undefined): void => {
    if (value !== undefined) args.push(flag, value);
  };
  add('--design', opts.design);
  add('--duration', opts.duration);
  add('--kills', opts.kills);
  add('--kill-every', opts.killEvery);
  add('--clients', opts.clients);
  add('--accounts', opts.accounts);
  add('--faults', opts.faults);
  args.push('--seed', String(seed));
  return args.map(shellQuote).join(' ');
}
