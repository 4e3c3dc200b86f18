/**
 * The report of a model check (`check --report`) as one self-contained HTML
 * page. For a counterexample: the verdict, the property and its description,
 * the replay line, a sequence diagram of the steps, the states as a table
 * with the variables each step changed highlighted, the lasso of a liveness
 * failure drawn as a loop, and the numeric variables over the states as a
 * step chart. For a check that passed or stopped: the verdict and the
 * figures. A pure function of the result.
 */
import type { CheckResult, TraceStep, Violation } from '../../model/checker/result.ts';
import { changedVars, displayConstants, showValue } from '../format/check-values.ts';
import { checkDiagram } from './check-rows.ts';
import { esc, num } from './html.ts';
import { factsList, pageHtml, replayBlock } from './page-shell.ts';
import { sequenceSvg } from './sequence-diagram.ts';
import { PALETTE, stepChartSvg, type ChartSeries } from './step-chart.ts';

function statesTable(v: Violation): string {
  const vars = Object.keys(v.trace[0]?.state ?? {});
  const lasso = v.loopIndex !== undefined && v.trace.length > 1;
  const head = `<tr><th>state</th><th>action</th>${vars.map((k) => `<th>${esc(k)}</th>`).join('')}</tr>`;
  const rows = v.trace.map((step, i) => {
    const back = lasso && i === v.trace.length - 1;
    const changed = new Set(i === 0 ? [] : changedVars(v.trace[i - 1]!.state, step.state));
    const cls = [lasso && i === v.loopIndex ? 'loop-start' : '', back ? 'back' : ''].filter((c) => c !== '').join(' ');
    const who = step.actor !== undefined ? ` (${step.actor}${step.target !== undefined ? ` → ${step.target}` : ''})` : '';
    const action = i === 0 ? 'initial state' : `${step.action ?? ''}${who}${back ? ` — back to state ${v.loopIndex! + 1}` : ''}`;
    const cells = vars.map((k) => `<td${changed.has(k) ? ' class="changed"' : ''}>${esc(showValue(step.state[k]!))}</td>`).join('');
    return `<tr${cls === '' ? '' : ` class="${cls}"`}><td>${i + 1}${lasso && i === v.loopIndex ? ' ↺' : ''}</td><td>${esc(action)}</td>${cells}</tr>`;
  });
  if (v.stuttering === true) rows.push(`<tr class="back"><td>${v.trace.length + 1}</td><td colspan="${vars.length + 1}">stutters forever (no fair action is enabled)</td></tr>`);
  return `<table class="states" id="states-table">${head}${rows.join('')}</table>`;
}

/** The lasso: the states in a row, the path into the loop, and an arc from the last state back to where the loop starts. */
function lassoSvg(v: Violation): string {
  const n = v.trace.length - 1;
  const loop = v.loopIndex!;
  const gap = Math.max(48, Math.min(90, 900 / Math.max(n, 1)));
  const x = (i: number): number => 30 + gap * i;
  const y = 90;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i + 1 < n) parts.push(`<line x1="${num(x(i) + 14)}" y1="${y}" x2="${num(x(i + 1) - 16)}" y2="${y}" stroke="#1d2330" marker-end="url(#lasso-head)"/>`);
    const inLoop = i >= loop;
    parts.push(`<circle cx="${num(x(i))}" cy="${y}" r="14" fill="${inLoop ? '#fdecea' : '#f1f3f6'}" stroke="${inLoop ? '#c62828' : '#5b6475'}"/><text x="${num(x(i))}" y="${y + 4}" font-size="11" text-anchor="middle">${i + 1}</text>`);
  }
  const from = x(Math.max(n - 1, 0));
  const to = x(loop);
  const arc = n - 1 === loop
    ? `<path class="lasso-loop" d="M${num(from - 8)} ${y - 12} C${num(from - 30)} ${y - 60}, ${num(from + 30)} ${y - 60}, ${num(from + 8)} ${y - 13}" fill="none" stroke="#c62828" stroke-width="2" marker-end="url(#lasso-back)"/>`
    : `<path class="lasso-loop" d="M${num(from)} ${y - 15} C${num(from)} ${y - 70}, ${num(to)} ${y - 70}, ${num(to)} ${y - 16}" fill="none" stroke="#c62828" stroke-width="2" marker-end="url(#lasso-back)"/>`;
  parts.push(arc, `<text x="${num((from + to) / 2)}" y="${y - 58}" font-size="11" text-anchor="middle" fill="#c62828">${esc(v.trace[n]?.action ?? '')} → state ${loop + 1}, forever</text>`);
  const defs = '<defs><marker id="lasso-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="#1d2330"/></marker><marker id="lasso-back" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="#c62828"/></marker></defs>';
  const width = x(Math.max(n - 1, 0)) + 60;
  return `<svg id="lasso" xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="120" viewBox="0 0 ${num(width)} 120" role="img" aria-label="lasso">${defs}${parts.join('')}</svg>`;
}

/** One series per variable that holds a number in every state; none when the model has no numbers. */
export function numericSeries(trace: readonly TraceStep[]): ChartSeries[] {
  const vars = Object.keys(trace[0]?.state ?? {}).filter((k) => trace.every((s) => typeof s.state[k] === 'number'));
  return vars.map((k, c) => ({
    name: k,
    color: PALETTE[c % PALETTE.length]!,
    points: trace.map((s, i) => ({ x: i + 1, y: s.state[k] as number, note: `state ${i + 1}${s.action !== null ? ` after ${s.action}` : ''}` })).filter((p, i, all) => i === 0 || all[i - 1]!.y !== p.y),
  }));
}

function violationBody(r: Extract<CheckResult, { kind: 'violation' }>): string {
  const v = r.violation;
  const diagram = sequenceSvg(checkDiagram(v));
  const lasso = v.loopIndex !== undefined && v.trace.length > 1
    ? `<h2>Lasso</h2><figure><figcaption>${esc(`The behaviour runs through states 1..${v.loopIndex + 1}, then repeats the red states forever.`)}</figcaption>${lassoSvg(v)}</figure>`
    : '';
  const series = numericSeries(v.trace);
  const chart = series.length === 0 ? '' : `<h2>Numeric variables over the states</h2><figure>${stepChartSvg({
    id: 'variables-chart', series, xEnd: v.trace.length + 1, xLabel: 'state', yLabel: 'value',
    marker: v.kind === 'liveness' ? null : { x: v.trace.length, label: `${v.property} in state ${v.trace.length}` },
  })}</figure>`;
  return [
    '<h2>Sequence diagram</h2>',
    `<figure><figcaption>${esc('Each step from the acting process to its target, with the variables it changed.')}</figcaption>${diagram}</figure>`,
    lasso,
    '<h2>States</h2>',
    `<figure><figcaption>${esc('Every state of the counterexample; highlighted cells are the variables the step into that state changed.')}</figcaption>${statesTable(v)}</figure>`,
    chart,
  ].join('\n');
}

export function checkPageHtml(r: CheckResult, replay: string): string {
  if (r.kind === 'model-error') {
    return pageHtml(`moneysim model error: ${r.model}`, `<h1>${esc(r.model)}</h1><span class="verdict bad">MODEL ERROR</span><div class="message">${esc(r.message)}</div>`);
  }
  const consts = Object.entries(displayConstants(r.model, r.constants)).map(([k, v]) => `${k}=${typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v}`).join(' ');
  const mode = r.mode.kind === 'simulate' ? `random walks (seed ${r.mode.seed}, depth ${r.mode.depth}, ${r.mode.walks} walks)` : 'exhaustive breadth-first search';
  const v = r.kind === 'violation' ? r.violation : null;
  const verdict = v !== null
    ? `<span class="verdict bad">${esc(v.kind === 'deadlock' ? 'DEADLOCK' : `${v.kind === 'liveness' ? 'TEMPORAL PROPERTY' : 'INVARIANT'} ${v.property} VIOLATED`)}</span><div class="message" id="violation-message">${esc(v.description)}</div>`
    : r.kind === 'stopped' ? `<span class="verdict warn">STOPPED: ${esc(r.reason)}</span>` : '<span class="verdict ok">OK: no error found</span>';
  const facts: Array<[string, string]> = [
    ['constants', consts || '(none)'],
    ['search', mode],
    ['invariants', r.invariantsChecked.join(', ') || 'none'],
    ['temporal properties', r.propertiesChecked.join(', ') || 'none'],
    ['states', `${r.stats.generatedStates} generated, ${r.stats.distinctStates} distinct, depth ${r.stats.depth}, ${(r.stats.durationMs / 1000).toFixed(2)} s`],
  ];
  const header = `<header><h1>${esc(r.model)}</h1><p class="lead">moneysim check ${esc(r.model)}</p>${verdict}${factsList(facts)}${v !== null ? replayBlock('replay-0', 'replay', replay) : ''}</header>`;
  const body = r.kind === 'violation' ? violationBody(r) : '';
  return pageHtml(`moneysim check ${r.model}: ${v !== null ? v.property : r.kind}`, `${header}\n${body}`);
}
