/**
 * The text report of a chaos run: what was done to the service (kills,
 * faults), what the clients saw (presses, answers, latency, throughput),
 * the books, and the verdict, with a line that runs the same plan again.
 */
import chalk from 'chalk';
import type { ChaosResult } from '../../runtime/chaos/chaos-result.ts';

export function formatChaosText(r: ChaosResult, rerun: string): string {
  const seconds = (r.durationMs / 1000).toFixed(1);
  const crashes = r.crashes.length === 0 ? 'no crashes' : `${r.crashes.length} crash(es): ${r.crashes.map(describeExit).join(', ')}`;
  const lines = [
    `chaos bank-transfer: design ${r.design}, seed ${r.seed}, faults ${r.faults}, ${r.clients} clients, ${seconds} s of faults`,
    `  kills       ${r.kills} SIGKILL; restart to ready p50 ${r.restartMs.p50} ms, max ${r.restartMs.max} ms; ${crashes}`,
    `  presses     ${r.presses.started} (${r.presses.success} SUCCESS, ${r.presses.failed} FAILED${formatCodes(r.failedCodes)}), ${r.presses.pendingAnswers} first answered PENDING`,
    `  requests    ${r.requests.sent} sent: ${r.requests.answered} answered, ${r.requests.unknown} unknown (no answer in time, or the connection broke), ${r.requests.refused} refused (coordinator down), ${r.requests.serverErrors} server errors`,
    `  latency     p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms (${r.latency.count} answered transfer calls, real time)`,
    `  throughput  ${r.throughput.pressesPerSecond} presses/s, ${r.throughput.requestsPerSecond} requests/s`,
    `  books       external ${r.books.externalTotalMinor} + internal ${r.books.ledgerTotalMinor} = ${r.books.externalTotalMinor + r.books.ledgerTotalMinor} (initial ${r.books.initialTotalMinor}); ${r.books.transfersSeen} transfers reached the institution`,
    `  faults      external ${formatCounts(r.faultCounts.external)}; ledger ${formatCounts(r.faultCounts.ledger)}`,
    `  drained     ${r.drainMs} ms after healing`,
  ];
  if (r.finding === null) {
    lines.push(
      `${chalk.green('ok')}: no money created or lost, no overdraft, no orphaned money, every press answered, answers honest, every transfer terminal, obligations discharged`,
    );
  } else {
    lines.push(`${chalk.red(`VIOLATION ${r.finding.invariant}`)} (${phaseName(r.finding.phase)}): ${r.finding.message}`);
  }
  lines.push(`rerun: ${rerun}`);
  return lines.join('\n');
}

function formatCodes(codes: Record<string, number>): string {
  const parts = Object.entries(codes).map(([code, n]) => `${code} ${n}`);
  return parts.length === 0 ? '' : `: ${parts.join(', ')}`;
}

function formatCounts(counts: Record<string, number>): string {
  const fired = Object.entries(counts).filter(([, n]) => n > 0);
  return fired.length === 0 ? 'none fired' : fired.map(([k, n]) => `${k} ${n}`).join(', ');
}

function describeExit(e: { code: number | null; signal: string | null }): string {
  return e.signal !== null ? `killed by ${e.signal}` : `exit ${e.code}`;
}

function phaseName(phase: 'faults' | 'drain' | 'quiescence'): string {
  return phase === 'faults' ? 'during faults and kills' : phase === 'drain' ? 'while draining after healing' : 'at quiescence';
}
