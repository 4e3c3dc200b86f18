/**
 * The report of an exploration that printed no failing run (a pass, a
 * latency budget exceeded, a sweep that answered nothing): there is no trace
 * to draw, so the page states the verdict and what the sweep covered, so
 * that a CI artifact always exists and always says what was tested.
 */
import type { ExploreResult } from '../../sim/explore/explore.ts';
import { sweepFacts } from '../ci/sweep-covered.ts';
import { slowestReplay } from '../format/sweep-report.ts';
import { esc } from './html.ts';
import { factsList, pageHtml, replayBlock } from './page-shell.ts';

function verdictOf(r: ExploreResult, requireCoverage: boolean): { cls: string; text: string } {
  switch (r.kind) {
    case 'violation':
      return { cls: 'bad', text: `VIOLATION ${r.failures.map((f) => f.violation.invariant).join(', ')}` };
    case 'latency-budget':
      return { cls: 'bad', text: `LATENCY BUDGET EXCEEDED: p99 ${r.latency.p99} ms (budget ${r.latencyBudgetP99Ms} ms)` };
    case 'no-answers':
      return { cls: 'bad', text: `NO ANSWERS in ${r.schedules} runs: nothing was tested` };
    case 'nondeterminism':
      return { cls: 'bad', text: 'NONDETERMINISM: runs do not replay' };
    case 'pass':
      if (requireCoverage && r.coverage.probesMissed.length > 0) return { cls: 'bad', text: `COVERAGE NOT MET: ${r.coverage.probesMissed.join(', ')} never hit` };
      return r.coverage.probesMissed.length > 0
        ? { cls: 'warn', text: `OK, but probes never hit: ${r.coverage.probesMissed.join(', ')}` }
        : { cls: 'ok', text: 'OK: no invariant violated' };
  }
}

export function sweepPageHtml(r: ExploreResult, command: string, requireCoverage: boolean): string {
  const verdict = verdictOf(r, requireCoverage);
  const slowest = r.slowest === null ? '' : replayBlock('replay-slowest', `slowest answer (${r.slowest.latencyMs} ms)`, slowestReplay(r) ?? '');
  const body = [
    `<header><h1>${esc(r.system)} / ${esc(r.design)}</h1><p class="lead">${esc(command)}</p>`,
    `<span class="verdict ${verdict.cls}" id="verdict">${esc(verdict.text)}</span>`,
    factsList(sweepFacts(r)),
    slowest,
    '</header>',
    `<p class="note">${esc('No failing run to draw: a run’s sequence diagram, timeline and balances appear in the reports of run, replay, and of explore when it finds a failure.')}</p>`,
  ].join('\n');
  return pageHtml(`moneysim ${verdict.text}: ${r.system} / ${r.design}`, body);
}
