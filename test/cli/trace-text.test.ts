/**
 * The text trace folds steps repeated back to back into one block and a
 * count; entries that differ only in step, time or JSON time fields count as
 * repeats, anything else does not; `--trace json` keeps every entry.
 */
import { describe, expect, it } from 'vitest';
import { formatTraceText } from '../../cli/format/trace-text.ts';
import type { TraceEntry } from '../../sim/trace/trace-recorder.ts';
import { runCli } from '../support/cli-harness.ts';

let step = 0;
const entry = (kind: TraceEntry['kind'], actor: string, peer: string, text: string): TraceEntry => ({ step: ++step, timeMs: step * 10, kind, actor, peer, text });

function poll(times: number): TraceEntry[] {
  const out: TraceEntry[] = [];
  for (let i = 0; i < times; i++) {
    out.push(entry('send', 'api', 'external', `status {"reference":"t1.1","expiresAtMs":${100 + i * 20}}`));
    out.push(entry('deliver', 'external', 'api', 'reply status {"applied":0,"undone":0}'));
  }
  return out;
}

describe('formatTraceText folding', () => {
  it('folds a polling loop of 632 rounds into its block and a count', () => {
    step = 0;
    const entries = [entry('send', 'mobile', 'api', 'transfer'), ...poll(632), entry('answer', 'mobile', 'api', 'transfer p0.0: FAILED')];
    const lines = formatTraceText(entries).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('status {"reference":"t1.1","expiresAtMs":100}');
    expect(lines[3]).toBe(`${' '.repeat(16)}x632  the 2 entries above, 632 times in all, through step 1265 at 12650 ms`);
    expect(lines[4]).toContain('answer   mobile <= api');
  });

  it('leaves two occurrences and differing texts alone', () => {
    step = 0;
    expect(formatTraceText(poll(2)).split('\n')).toHaveLength(4);
    const ids = [1, 2, 3, 4].map((n) => entry('send', 'api', 'ledger', `credit {"transferId":"t1.${n}"}`));
    expect(formatTraceText(ids).split('\n')).toHaveLength(4);
  });

  it('replay: the text trace folds what the JSON trace keeps', async () => {
    const FOLD = /^ {16}x\d+ {2}the (entry|\d+ entries) above, \d+ times in all, through step \d+ at \d+ ms$/m;
    // The first of a few seeds whose trace repeats a step (which seed does depends on the world's draws).
    for (let seed = 1; seed <= 20; seed++) {
      const text = await runCli('replay', 'bank-transfer', '--seed', String(seed));
      if (!FOLD.test(text.out)) continue;
      const json = await runCli('replay', 'bank-transfer', '--seed', String(seed), '--json');
      const traceLines = text.out.slice(text.out.indexOf('trace (text):\n') + 14).trimEnd().split('\n');
      expect(JSON.parse(json.out).trace.length).toBeGreaterThan(traceLines.length);
      return;
    }
    throw new Error('no seed in 1..20 repeats a step back to back');
  }, 30_000);
});
