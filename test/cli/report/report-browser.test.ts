/**
 * The reports in a real browser: `explore --report` on the naive design and
 * a model check's lasso page open in headless Chromium with no console error
 * and no request leaving the machine, and the sequence diagram, the timeline
 * and the balance chart are drawn (non-empty boxes, the violating step
 * marked). Screenshots are saved under the test's temporary folder, whose
 * path the test prints. Without Chromium the tests skip and say why.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPageHtml } from '../../../cli/report/check-page.ts';
import { resolveConstants } from '../../../model/checker/constants.ts';
import { prepare, runCheck } from '../../../model/checker/run.ts';
import { getModel } from '../../../model/registry.ts';
import { runCli } from '../../support/cli-harness.ts';
import { findChromium, visitPage } from './headless-browser.ts';

const chromium = findChromium();
if (chromium === null) {
  console.warn('report browser tests SKIPPED: no Chromium found on PATH (install it with `apt-get install chromium`, or set MONEYSIM_CHROMIUM to a Chrome or Chromium binary)');
}

const dir = mkdtempSync(join(tmpdir(), 'moneysim-report-browser-'));

/** What the page drew, measured in the browser: element counts and the size of each figure's box. */
const PROBE = `JSON.stringify((() => {
  const box = (sel) => { const el = document.querySelector(sel); if (!el) return null; const r = el.getBoundingClientRect(); return { w: Math.round(r.width), h: Math.round(r.height) }; };
  const count = (sel) => document.querySelectorAll(sel).length;
  return {
    script: document.body.getAttribute('data-script'),
    sequence: box('#sequence-diagram'), timeline: box('#process-timeline'), chart: box('#balance-chart'),
    lasso: box('#lasso'), states: box('#states-table'),
    lifelines: count('#sequence-diagram .seq-lifeline'), messages: count('#sequence-diagram .seq-message'),
    violatingRows: count('#sequence-diagram .violating-step'), marker: count('#sequence-diagram .violation-marker'),
    timelineViolation: count('#process-timeline .tl-violation'), timelineBands: count('#process-timeline .tl-band'),
    chartSeries: count('#balance-chart .chart-series'), chartViolation: count('#balance-chart .chart-violation'),
    changedCells: count('#states-table td.changed'),
    replayButtons: count('button[data-copy]'),
  };
})())`;

interface Drawn {
  script: string | null;
  sequence: { w: number; h: number } | null;
  timeline: { w: number; h: number } | null;
  chart: { w: number; h: number } | null;
  lasso: { w: number; h: number } | null;
  states: { w: number; h: number } | null;
  lifelines: number;
  messages: number;
  violatingRows: number;
  marker: number;
  timelineViolation: number;
  timelineBands: number;
  chartSeries: number;
  chartViolation: number;
  changedCells: number;
  replayButtons: number;
}

describe.skipIf(chromium === null)('reports in headless Chromium', () => {
  it('explore --report on the naive design: diagram, timeline and balance chart drawn, violating step marked, no errors, nothing fetched', async () => {
    const file = join(dir, 'explore-naive.html');
    const explored = await runCli('explore', 'bank-transfer', '--design', 'naive', '--report', file);
    expect(explored.code).toBe(1);
    expect(explored.out).toContain(`report written to ${file}`);
    const visit = await visitPage(chromium!, pathToFileURL(file).href, PROBE);
    const shot = join(dir, 'explore-naive.png');
    writeFileSync(shot, visit.screenshot);
    console.log(`screenshot of the explore report: ${shot}`);
    expect(visit.errors).toEqual([]);
    expect(visit.requests).toEqual([]);
    const drawn = JSON.parse(visit.probe as string) as Drawn;
    expect(drawn.script).toBe('ready');
    for (const figure of [drawn.sequence, drawn.timeline, drawn.chart]) {
      expect(figure!.w).toBeGreaterThan(400);
      expect(figure!.h).toBeGreaterThan(100);
    }
    expect(drawn.lifelines).toBe(4);
    expect(drawn.messages).toBeGreaterThan(3);
    expect(drawn.violatingRows).toBeGreaterThan(0);
    expect(drawn.marker).toBe(1);
    expect(drawn.timelineViolation).toBe(1);
    expect(drawn.chartSeries).toBeGreaterThanOrEqual(3);
    expect(drawn.chartViolation).toBe(1);
    expect(drawn.replayButtons).toBe(2);
    expect(visit.screenshot.subarray(1, 4).toString()).toBe('PNG');
  }, 120_000);

  it('the harness itself sees console errors, exceptions and outgoing requests (so the checks above can fail)', async () => {
    const file = join(dir, 'broken.html');
    writeFileSync(file, '<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png"><script>console.error("planted"); null.x;</script></body></html>');
    const visit = await visitPage(chromium!, pathToFileURL(file).href, '1');
    expect(visit.errors.some((e) => e.includes('planted'))).toBe(true);
    expect(visit.errors.some((e) => e.startsWith('exception: TypeError'))).toBe(true);
    expect(visit.requests).toContain('http://127.0.0.1:9/x.png');
  }, 120_000);

  it("a model check's counterexample: states table with changes highlighted, no errors", async () => {
    const def = getModel('bank-transfer/seed-exercise')!;
    const constants = resolveConstants(def, []);
    if (!constants.ok) throw new Error(constants.message);
    const prepared = prepare(def, constants.value, []);
    if (!prepared.ok) throw new Error(prepared.message);
    const result = runCheck(prepared.value, { mode: { kind: 'exhaustive' }, maxStates: 1_000_000 });
    expect(result.kind).toBe('violation');
    const file = join(dir, 'check.html');
    writeFileSync(file, checkPageHtml(result, 'npx moneysim check bank-transfer/seed-exercise'));
    const visit = await visitPage(chromium!, pathToFileURL(file).href, PROBE);
    writeFileSync(join(dir, 'check.png'), visit.screenshot);
    expect(visit.errors).toEqual([]);
    expect(visit.requests).toEqual([]);
    const drawn = JSON.parse(visit.probe as string) as Drawn;
    expect(drawn.states!.h).toBeGreaterThan(100);
    expect(drawn.changedCells).toBeGreaterThan(5);
    expect(drawn.sequence!.h).toBeGreaterThan(100);
  }, 120_000);
});
