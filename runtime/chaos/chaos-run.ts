/**
 * A chaos run of bank-transfer, for real: an embedded Postgres server (in
 * its keeper process), the fakes in this process, the coordinator in a child
 * process, and concurrent clients that retry with their idempotency keys.
 *
 * Phases, as in the simulator: during the fault phase the fakes' faults fire
 * and the coordinator is killed with SIGKILL at the planned moments and
 * restarted at once; the invariants that hold at every moment are checked
 * every STEP_CHECK_EVERY_MS and on every answer. Then faults heal, clients
 * stop pressing and finish what they started, the coordinator's obligations
 * drain, and the quiescence invariants are judged. Everything started is
 * stopped in `finally`.
 */
import seedrandom from 'seedrandom';
import type { BankTransferDesign } from '../../impl/bank-transfer/contract.ts';
import { AnswerBook } from '../../sim/bank-transfer/answer-book.ts';
import type { Finding } from '../../sim/bank-transfer/invariants/ground-truth.ts';
import { LatencyHistogram } from '../../sim/stats/latency-histogram.ts';
import { bankTransferSystem } from '../../sim/systems/bank-transfer-system.ts';
import { defaultAccounts } from '../bank-transfer/bank-fakes.ts';
import { startFakes, type RunningFakes } from '../bank-transfer/fakes-service.ts';
import { silent } from '../log.ts';
import { freePort } from '../net/free-port.ts';
import { ensureKvTable } from '../store/kv-table.ts';
import { openPg } from '../store/pg-connection.ts';
import { startKeptPostgres, type KeptPostgres } from '../store/postgres-keeper-client.ts';
import type { SqlConnection } from '../store/sql-connection.ts';
import { ChaosHistory } from './chaos-history.ts';
import { FAULT_PRESETS, STEP_CHECK_EVERY_MS, type ChaosConfig } from './chaos-config.ts';
import type { ChaosEnd, ChaosResult } from './chaos-result.ts';
import { summarize } from './chaos-summary.ts';
import { ChaosTruth } from './chaos-truth.ts';
import { CoordinatorKeeper } from './coordinator-keeper.ts';
import { killMoments } from './kill-plan.ts';
import { runClient, type LoadContext, type LoadCounts } from './load-client.ts';

export interface ChaosProgress {
  phase: 'faults' | 'drain';
  elapsedMs: number;
  kills: number;
  presses: number;
  answered: number;
}

type Phase = 'faults' | 'drain' | 'quiescence';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

export async function runChaos(config: ChaosConfig, onProgress: (p: ChaosProgress) => void): Promise<ChaosEnd> {
  const loaded = await bankTransferSystem.loadDesign(config.design);
  if (!loaded.ok) return { kind: 'failed', message: loaded.message };
  let postgres: KeptPostgres | null = null;
  let conn: SqlConnection | null = null;
  let fakes: RunningFakes | null = null;
  let keeper: CoordinatorKeeper | null = null;
  try {
    const pg = await startKeptPostgres();
    if (!pg.ok) return { kind: 'failed', message: pg.message };
    postgres = pg.server;
    conn = openPg(postgres.url);
    await ensureKvTable(conn);
    const preset = FAULT_PRESETS[config.faults];
    const started = await startFakes(
      { accounts: defaultAccounts(config.accounts, config.balanceMinor), seed: config.seed, external: preset.external, ledger: preset.ledger },
      { host: '127.0.0.1', port: 0 },
      silent,
    );
    if (!started.ok) return { kind: 'failed', message: started.message };
    fakes = started.running;
    const port = await freePort();
    keeper = new CoordinatorKeeper({
      design: config.design,
      database: { kind: 'postgres', url: postgres.url },
      host: '127.0.0.1',
      port,
      externalUrl: fakes.externalUrl,
      ledgerUrl: fakes.ledgerUrl,
      logs: false,
    });
    const first = await keeper.start();
    if (!first.ok) return { kind: 'failed', message: first.message };
    const result = await drive(config, loaded.design as BankTransferDesign, { conn, fakes, keeper, apiUrl: `http://127.0.0.1:${port}` }, onProgress);
    return { kind: 'done', result };
  } finally {
    await keeper?.stop();
    await fakes?.close();
    await conn?.close();
    await postgres?.stop();
  }
}

interface Parts {
  conn: SqlConnection;
  fakes: RunningFakes;
  keeper: CoordinatorKeeper;
  apiUrl: string;
}

async function drive(config: ChaosConfig, design: BankTransferDesign, parts: Parts, onProgress: (p: ChaosProgress) => void): Promise<ChaosResult> {
  const { fakes, keeper, apiUrl } = parts;
  const startedMs = performance.now();
  const book = new AnswerBook(false);
  const history = new ChaosHistory(config.keepHistory, startedMs);
  const latency = new LatencyHistogram();
  const counts: LoadCounts = { requests: 0, answers: 0, pendingAnswers: 0, unknown: 0, refused: 0, serverErrors: 0 };
  const truth = new ChaosTruth(fakes.fakes, book, design, parts.conn, apiUrl);
  let phase: Phase = 'faults';
  let finding: ChaosResult['finding'] = null;
  const found = (f: Finding | null): void => {
    if (f !== null && finding === null) finding = { ...f, phase };
  };
  let pressing = true;
  let abandoned = false;
  const ctx: LoadContext = {
    apiUrl,
    book,
    history,
    latency,
    counts,
    accounts: [...fakes.fakes.external.balances.keys()],
    onAnswer: (answer, press) => found(truth.onAnswer(answer, press)),
    onServerError: (detail) => found({ invariant: 'CoordinatorError', message: `the service answered 500: ${detail}` }),
    stopPressing: () => !pressing || finding !== null,
    abandoned: () => abandoned,
  };
  const clients = Promise.all(Array.from({ length: config.clients }, (_, i) => runClient(i, ctx, seedrandom.alea(`${config.seed}/client${i}`))));
  const clientError = clients.then(() => null, (err: unknown) => err);
  const progress = setInterval(() => onProgress({ phase: phase === 'faults' ? 'faults' : 'drain', elapsedMs: performance.now() - startedMs, kills: keeper.stats.kills, presses: book.presses.size, answered: counts.answers }), 250);
  let checking = true;
  const stepChecks = (async () => {
    while (checking && finding === null) {
      found(await truth.step());
      await sleep(STEP_CHECK_EVERY_MS);
    }
  })();
  try {
    await killsDuringFaults(config, keeper, startedMs, () => finding !== null || keeper.failure !== null);
    const faultPhaseMs = performance.now() - startedMs;
    phase = 'drain';
    pressing = false;
    fakes.fakes.heal();
    await keeper.settled();
    const drainStartMs = performance.now();
    const drained = await drain(config, truth, clients, () => finding !== null);
    const drainMs = Math.round(performance.now() - drainStartMs);
    abandoned = true;
    checking = false;
    await stepChecks;
    const harnessError = await Promise.race([clientError, sleep(0).then(() => null)]);
    if (harnessError !== null) throw harnessError;
    if (keeper.failure !== null) found({ invariant: 'CoordinatorRestart', message: keeper.failure });
    phase = 'quiescence';
    if (finding === null) {
      const undrained = drained ? null : { invariant: 'RequestsAnswered', message: `work did not drain within ${config.drainTimeoutMs} ms of healing` };
      found((await truth.quiescent()) ?? undrained);
    }
    return summarize(config, { book, counts, latency, keeper, fakes, history, finding, faultPhaseMs, drainMs });
  } finally {
    abandoned = true;
    checking = false;
    clearInterval(progress);
  }
}

/** Kills at the planned moments until the fault phase ends (or a violation ends it early). */
async function killsDuringFaults(config: ChaosConfig, keeper: CoordinatorKeeper, startedMs: number, stop: () => boolean): Promise<void> {
  const endMs = startedMs + config.durationMs;
  for (const moment of killMoments(config.kills, config.durationMs, seedrandom.alea(`${config.seed}/kills`))) {
    while (!stop() && performance.now() < startedMs + moment) await sleep(Math.min(100, startedMs + moment - performance.now()));
    if (stop()) return;
    await keeper.kill();
  }
  while (!stop() && performance.now() < endMs) await sleep(Math.min(100, endMs - performance.now()));
}

/** Waits for every client to finish and every obligation to be discharged; false if that took longer than allowed. */
async function drain(config: ChaosConfig, truth: ChaosTruth, clients: Promise<unknown>, stop: () => boolean): Promise<boolean> {
  const deadline = performance.now() + config.drainTimeoutMs;
  let clientsDone = false;
  void clients.then(() => (clientsDone = true), () => (clientsDone = true));
  while (performance.now() < deadline && !stop()) {
    if (clientsDone) {
      const owed = await truth.obligations();
      if (!('ids' in owed) || owed.ids.length === 0) return true;
    }
    await sleep(100);
  }
  return stop();
}
