/**
 * The report pages as strings: self-contained (one inline script, no
 * source, link, stylesheet import or URL to fetch), escaped (a design's own
 * text cannot inject markup), and drawing what the trace holds: lost
 * messages crossed out, a crash and its down time, partitions and held-back
 * requests as bands, the violating step marked; for a model check, the
 * changed variables highlighted and a lasso drawn for a liveness failure.
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult, Stats } from '../../../model/checker/result.ts';
import type { RunResult } from '../../../sim/run-result.ts';
import type { TraceEntry } from '../../../sim/trace/trace-recorder.ts';
import { checkPageHtml } from '../../../cli/report/check-page.ts';
import { bandsOf } from '../../../cli/report/process-timeline.ts';
import { runPageHtml } from '../../../cli/report/run-page.ts';

const HOSTILE = '<script>alert("x")</script> & </svg>';

function entry(step: number, timeMs: number, kind: TraceEntry['kind'], actor: string, peer: string, text: string): TraceEntry {
  return { step, timeMs, kind, actor, peer, text };
}

const TRACE: TraceEntry[] = [
  entry(1, 0, 'send', 'mobile', 'api', 'transfer {"amountMinor":100}'),
  entry(2, 2, 'deliver', 'mobile', 'api', 'request transfer'),
  entry(3, 3, 'send', 'api', 'external', 'cashOut {"reference":"t1"}'),
  entry(3, 3, 'fault', 'api', 'external', 'request cashOut held back 1001 ms'),
  entry(4, 10, 'fault', 'api', 'ledger', 'partition api | ledger'),
  entry(5, 20, 'crash', 'api', '', `incarnation 1 lost ${HOSTILE}`),
  entry(6, 40, 'restart', 'api', '', 'incarnation 2'),
  entry(7, 50, 'drop', 'external', 'api', 'reply cashOut lost'),
  entry(8, 60, 'fault', 'api', 'ledger', 'partition api | ledger heals'),
  entry(9, 1004, 'deliver', 'api', 'external', 'request cashOut'),
];

function run(): RunResult {
  return {
    kind: 'violation',
    violation: { invariant: 'NoOrphanedMoney', message: HOSTILE, step: 9, timeMs: 1004 },
    seed: 1, design: 'naive', traceHash: '0123456789abcdef', events: 9, virtualTimeMs: 1004, latenciesMs: [], answers: 0,
    config: ['net.lateRequest=0.01'], faultsFired: { crash: 1 }, probes: {}, choices: [], trace: TRACE,
  };
}

const page = runPageHtml({
  command: 'moneysim test',
  system: 'bank-transfer',
  run: run(),
  origin: 'seed 1',
  replays: [{ what: 'replay', line: `npx moneysim replay bank-transfer --design naive --choices '0*6~9'` }],
  truth: {
    kind: 'series',
    series: {
      externalAccounts: ['ext-1'], internalAccounts: ['user-1'], initialTotalMinor: 200,
      points: [
        { step: 0, timeMs: 0, cause: 'before the run', external: { 'ext-1': 200 }, internal: {}, inTransitMinor: 0 },
        { step: 9, timeMs: 1004, cause: 'api => external request cashOut', external: { 'ext-1': 100 }, internal: {}, inTransitMinor: 100 },
      ],
    },
  },
});

describe('run report page', () => {
  it('is self-contained: one inline script, nothing to fetch', () => {
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).not.toMatch(/\s(src|href)=/);
    expect(page).not.toMatch(/@import|url\(\s*['"]?(https?:|\/\/)/);
    // The only URLs are SVG namespace names, which are never fetched.
    expect(page.match(/https?:\/\/[^"]+/g)?.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(page).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });

  it('escapes text from the run: a message cannot add markup', () => {
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;/svg&gt;');
  });

  it('draws the verdict, the replay line with a copy button, and the three figures', () => {
    expect(page).toContain('VIOLATION NoOrphanedMoney');
    expect(page).toMatch(/<code id="replay-0">npx moneysim replay bank-transfer --design naive --choices &#39;0\*6~9&#39;<\/code><button type="button" data-copy="replay-0">copy<\/button>/);
    for (const id of ['sequence-diagram', 'process-timeline', 'balance-chart']) expect(page).toContain(`<svg id="${id}"`);
  });

  it('marks the faults: a lost reply crossed out, a crash with its down time, the violating step and its marker', () => {
    expect(page).toContain('class="seq-lost"');
    expect(page).toContain('class="seq-crash"');
    expect(page.match(/class="seq-down"/g)).toHaveLength(1);
    expect(page.match(/class="violating-step"/g)).toHaveLength(1);
    expect(page).toContain('class="violation-marker"');
    expect(page).toContain('class="tl-violation"');
    expect(page).toContain('class="chart-violation"');
  });

  it('timeline bands: the crash until the restart, the partition on both sides, the held-back request for its delay', () => {
    const bands = bandsOf(TRACE, 1004).map((b) => [b.kind, b.lane, b.fromMs, b.toMs]);
    expect(bands).toEqual([
      ['held', 'api', 3, 1004],
      ['down', 'api', 20, 40],
      ['partition', 'api', 10, 60],
      ['partition', 'ledger', 10, 60],
    ]);
  });

  it('without balances, the page says why instead of drawing an empty chart', () => {
    const html = runPageHtml({ command: 'c', system: 'bank-transfer', run: run(), origin: 'seed 1', replays: [], truth: { kind: 'none', reason: 'no request reached the external institution' } });
    expect(html).not.toContain('<svg id="balance-chart"');
    expect(html).toContain('No balances to draw: no request reached the external institution.');
  });
});

const STATS: Stats = { generatedStates: 3, distinctStates: 2, depth: 2, durationMs: 1, statesPerSecond: 2000, coverage: [], neverFired: [], collisionProbability: 0 };

function checkResult(loopIndex?: number): CheckResult {
  return {
    kind: 'violation',
    model: 'test/lasso',
    constants: {},
    mode: { kind: 'exhaustive' },
    invariantsChecked: [],
    propertiesChecked: ['Settles'],
    stats: STATS,
    violation: {
      property: 'Settles',
      kind: loopIndex === undefined ? 'invariant' : 'liveness',
      description: 'every transfer settles',
      loopIndex,
      trace: [
        { action: null, state: { pc: 'start', balance: 10 } },
        { action: 'Press', actor: 'User', target: 'Coordinator', state: { pc: 'busy', balance: 10 } },
        { action: 'Retry', actor: 'Coordinator', target: 'External', state: { pc: 'wait', balance: 5 } },
        { action: 'Back', actor: 'External', target: 'Coordinator', state: { pc: 'busy', balance: 10 } },
      ],
    },
  };
}

describe('check report page', () => {
  it('highlights the variables each step changed and draws the lasso of a liveness failure', () => {
    const html = checkPageHtml(checkResult(1), 'npx moneysim check test/lasso');
    expect(html).toContain('TEMPORAL PROPERTY Settles VIOLATED');
    const changed = html.match(/<td class="changed">[^<]*<\/td>/g);
    // State 1 shows everything unhighlighted; then pc, then pc and balance, then pc and balance again.
    expect(changed).toHaveLength(5);
    expect(html).toContain('<svg id="lasso"');
    expect(html).toContain('class="loop-start"');
    expect(html).toContain('Back → state 2, forever');
    expect(html).toContain('<svg id="variables-chart"');
  });

  it('an invariant failure has no lasso, and marks its last state', () => {
    const html = checkPageHtml(checkResult(), 'npx moneysim check test/lasso');
    expect(html).not.toContain('<svg id="lasso"');
    expect(html).toContain('INVARIANT Settles VIOLATED');
    expect(html.match(/class="violating-step"/g)).toHaveLength(1);
  });
});
