/**
 * The report of one simulated run (`run`, `replay`, and the failure
 * `explore` prints) as one self-contained HTML page: the verdict, the
 * invariant and its message, the replay lines with copy buttons, a sequence
 * diagram of the trace with the violating step marked, a timeline per
 * process, and the ground truth over time (balances at the institution and
 * in the internal store, money in transit). A pure function of the values.
 */
import type { RunResult } from '../../sim/run-result.ts';
import { esc } from './html.ts';
import { factsList, pageHtml, replayBlock } from './page-shell.ts';
import { timelineSvg } from './process-timeline.ts';
import { sequenceSvg } from './sequence-diagram.ts';
import { PALETTE, stepChartSvg, type ChartSeries } from './step-chart.ts';
import { participantsOf, traceDiagram } from './trace-rows.ts';
import type { TruthOutcome, TruthPoint, TruthSeries } from './truth-series.ts';

export interface RunPageInput {
  /** The command that produced the report, for the page title. */
  command: string;
  system: string;
  /** A run kept with its trace. */
  run: RunResult;
  /** What the run was made from: `seed 7`, `the shrunk choices of seed 7`, `recorded choices`. */
  origin: string;
  /** Replay lines, the one replaying exactly this run first. */
  replays: ReadonlyArray<{ what: string; line: string }>;
  truth: TruthOutcome;
  /** Extra facts, e.g. what the sweep that found the run covered. */
  context?: ReadonlyArray<readonly [string, string]>;
  contextTitle?: string;
}

/** One series per account and the in-transit line; a point wherever the value changes. */
export function truthChartSeries(t: TruthSeries): ChartSeries[] {
  const note = (p: TruthPoint): string => `step ${p.step}, ${p.timeMs} ms: ${p.cause}`;
  const series = (name: string, color: string, value: (p: TruthPoint) => number, emphasis = false): ChartSeries => {
    const points: ChartSeries['points'] = [];
    for (const p of t.points) {
      const y = value(p);
      if (points.length === 0 || points[points.length - 1]!.y !== y) points.push({ x: p.step, y, note: note(p) });
    }
    return { name, color, points, emphasis };
  };
  let c = 0;
  return [
    ...t.externalAccounts.map((id) => series(`external ${id}`, PALETTE[c++ % PALETTE.length]!, (p) => p.external[id] ?? 0)),
    ...t.internalAccounts.map((id) => series(`internal ${id}`, PALETTE[c++ % PALETTE.length]!, (p) => p.internal[id] ?? 0)),
    series('in transit', '#c62828', (p) => p.inTransitMinor, true),
  ];
}

function header(input: RunPageInput): string {
  const r = input.run;
  const verdict = r.kind === 'violation'
    ? `<span class="verdict bad">VIOLATION ${esc(r.violation.invariant)}</span>`
    : '<span class="verdict ok">OK: no invariant violated</span>';
  const message = r.kind === 'violation' ? `<div class="message" id="violation-message">${esc(r.violation.message)}</div>` : '';
  const facts: Array<[string, string]> = [
    ['system / design', `${input.system} / ${r.design}`],
    ['made from', input.origin],
    ...(r.kind === 'violation' ? [['detected', `step ${r.violation.step}, ${r.violation.timeMs} ms virtual`] as [string, string]] : []),
    ['run', `${r.events} events, ${r.virtualTimeMs} ms virtual, trace hash ${r.traceHash}`],
    ['world', r.config.join(' ') || '(calm)'],
    ['faults fired', Object.entries(r.faultsFired).filter(([, v]) => v > 0).map(([k, v]) => `${k}=${v}`).join(' ') || '(none)'],
  ];
  const replays = input.replays.map((rp, i) => replayBlock(`replay-${i}`, rp.what, rp.line)).join('\n');
  return `<header><h1>${esc(input.system)} / ${esc(r.design)}</h1><p class="lead">${esc(input.command)}</p>${verdict}${message}${factsList(facts)}${replays}</header>`;
}

function truthSection(input: RunPageInput): string {
  const r = input.run;
  const head = '<h2>Ground truth over time</h2>';
  if (input.truth.kind === 'none') return `${head}<p class="note" id="balance-chart-missing">No balances to draw: ${esc(input.truth.reason)}.</p>`;
  const t = input.truth.series;
  const chart = stepChartSvg({
    id: 'balance-chart',
    series: truthChartSeries(t),
    // One step past the last event, so a change at the last step still shows as a corner and a run after it.
    xEnd: r.events + 1,
    xLabel: 'step (event number); each dot’s tooltip gives its virtual time and the request that changed the books',
    yLabel: 'minor units',
    marker: r.kind === 'violation' ? { x: r.violation.step, label: `${r.violation.invariant} at step ${r.violation.step}` } : null,
  });
  const caption = `The fakes’ own books after every request they handled: each external account at the institution, each internal account in the internal balance store, and the money in transit (left the institution, not in the internal store: ${t.initialTotalMinor} minus both books). Money that goes missing is a step up of the red line that never comes back down.`;
  return `${head}<figure><figcaption>${esc(caption)}</figcaption>${chart}</figure>`;
}

export function runPageHtml(input: RunPageInput): string {
  const r = input.run;
  const violationStep = r.kind === 'violation' ? r.violation.step : null;
  const marker = r.kind === 'violation' ? `${r.violation.invariant} detected after step ${r.violation.step} (${r.violation.timeMs} ms): ${r.violation.message}` : undefined;
  const diagram = sequenceSvg(traceDiagram(r.trace, violationStep, marker));
  const timeline = timelineSvg({
    entries: r.trace,
    participants: participantsOf(r.trace),
    endMs: r.virtualTimeMs,
    violation: r.kind === 'violation' ? { timeMs: r.violation.timeMs, label: `${r.violation.invariant} at ${r.violation.timeMs} ms` } : null,
  });
  const context = input.context === undefined ? '' : `<h2>${esc(input.contextTitle ?? 'Context')}</h2>${factsList(input.context)}`;
  const body = [
    header(input),
    '<h2>Sequence diagram</h2>',
    `<figure><figcaption>${esc('Every step of the run, top to bottom; arrows are requests, dashed arrows replies, a crossed arrow a lost message; red rows are the step at which the violation was detected.')}</figcaption>${diagram}</figure>`,
    '<h2>Timeline</h2>',
    `<figure><figcaption>${esc('One lane per process in virtual time: red bands are a crashed process, orange a partition, yellow a request held back by the network; crosses are lost messages, triangles timeouts, dots the client’s answers.')}</figcaption>${timeline}</figure>`,
    truthSection(input),
    context,
  ].join('\n');
  const title = r.kind === 'violation' ? `${r.violation.invariant}: ${input.system} / ${r.design}` : `ok: ${input.system} / ${r.design}`;
  return pageHtml(`moneysim ${title}`, body);
}
