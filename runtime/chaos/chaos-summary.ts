/** Turns what a chaos run collected into its result: counts, percentiles, throughput, books. */
import type { AnswerBook } from '../../sim/bank-transfer/answer-book.ts';
import type { LatencyHistogram } from '../../sim/stats/latency-histogram.ts';
import type { RunningFakes } from '../bank-transfer/fakes-service.ts';
import type { ChaosHistory } from './chaos-history.ts';
import type { ChaosConfig } from './chaos-config.ts';
import type { ChaosResult } from './chaos-result.ts';
import type { CoordinatorKeeper } from './coordinator-keeper.ts';
import type { LoadCounts } from './load-client.ts';

export interface Collected {
  book: AnswerBook;
  counts: LoadCounts;
  latency: LatencyHistogram;
  keeper: CoordinatorKeeper;
  fakes: RunningFakes;
  history: ChaosHistory;
  finding: ChaosResult['finding'];
  faultPhaseMs: number;
  drainMs: number;
}

export function summarize(config: ChaosConfig, c: Collected): ChaosResult {
  const presses = [...c.book.presses.values()];
  const restarts = [...c.keeper.stats.restartMs].sort((a, b) => a - b);
  const seconds = Math.max(c.faultPhaseMs / 1000, 0.001);
  const books = c.fakes.fakes.books();
  return {
    design: config.design,
    seed: config.seed,
    faults: config.faults,
    durationMs: Math.round(c.faultPhaseMs),
    clients: config.clients,
    finding: c.finding,
    kills: c.keeper.stats.kills,
    crashes: c.keeper.stats.crashes,
    restartMs: { p50: restarts[Math.floor((restarts.length - 1) / 2)] ?? 0, max: restarts[restarts.length - 1] ?? 0, count: restarts.length },
    presses: {
      started: presses.length,
      settled: presses.filter((p) => p.settled).length,
      success: presses.filter((p) => p.latest?.status === 'SUCCESS').length,
      failed: presses.filter((p) => p.latest?.status === 'FAILED').length,
      pendingAnswers: c.counts.pendingAnswers,
    },
    failedCodes: countCodes(presses.map((p) => p.latest).filter((a) => a?.status === 'FAILED').map((a) => a?.code ?? 'FAILED')),
    requests: { sent: c.counts.requests, answered: c.counts.answers, unknown: c.counts.unknown, refused: c.counts.refused, serverErrors: c.counts.serverErrors },
    latency: c.latency.summary(),
    throughput: { pressesPerSecond: round1(presses.length / seconds), requestsPerSecond: round1(c.counts.requests / seconds) },
    drainMs: c.drainMs,
    books: { initialTotalMinor: books.initialTotalMinor, externalTotalMinor: books.external.totalMinor, ledgerTotalMinor: books.ledger.totalMinor, transfersSeen: Object.keys(books.external.references).length },
    faultCounts: { external: books.external.faults, ledger: books.ledger.faults },
    history: config.keepHistory ? c.history.toJsonLines() : null,
  };
}

function countCodes(codes: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of [...codes].sort()) out[c] = (out[c] ?? 0) + 1;
  return out;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
