/** Durations and duration ranges on the command line (cli/args/duration.ts). */
import { describe, expect, it } from 'vitest';
import { parseDurationMs, parseDurationRangeMs } from '../../../cli/args/duration.ts';

describe('duration flags', () => {
  it('reads ms, s and m, and refuses bare numbers and other units by flag name', () => {
    expect(parseDurationMs('500ms', '--d', 0)).toEqual({ ok: true, value: 500 });
    expect(parseDurationMs('60s', '--d', 0)).toEqual({ ok: true, value: 60_000 });
    expect(parseDurationMs('2m', '--d', 0)).toEqual({ ok: true, value: 120_000 });
    expect(parseDurationMs(undefined, '--d', 7)).toEqual({ ok: true, value: 7 });
    for (const bad of ['60', '1h', '-1s', '1.5s', '']) {
      const parsed = parseDurationMs(bad, '--duration', 0);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.message).toContain('--duration');
    }
  });

  it('reads ranges and single durations, and refuses a range that runs backwards', () => {
    expect(parseDurationRangeMs('1s-5s', '--r', { minMs: 0, maxMs: 0 })).toEqual({ ok: true, value: { minMs: 1000, maxMs: 5000 } });
    expect(parseDurationRangeMs('2s', '--r', { minMs: 0, maxMs: 0 })).toEqual({ ok: true, value: { minMs: 2000, maxMs: 2000 } });
    expect(parseDurationRangeMs('5s-1s', '--r', { minMs: 0, maxMs: 0 }).ok).toBe(false);
    expect(parseDurationRangeMs('1s-2s-3s', '--r', { minMs: 0, maxMs: 0 }).ok).toBe(false);
  });
});
