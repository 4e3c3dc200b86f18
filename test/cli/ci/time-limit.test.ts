/**
 * `--time-limit`: durations parse with their units or are refused by name;
 * a sweep with a budget and no seed count stops at the budget cleanly (exit
 * 0 when nothing failed) and says what it covered; the seeds it ran are a
 * prefix of its range, so a shard stopped early names exactly its seeds.
 */
import { describe, expect, it } from 'vitest';
import { formatDuration, parseTimeLimit } from '../../../cli/args/time-limit.ts';
import { runCli } from '../../support/cli-harness.ts';

describe('parseTimeLimit', () => {
  it.each([
    ['1500ms', 1500],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    [' 2s ', 2000],
  ])('%s is %i ms', (raw, ms) => {
    expect(parseTimeLimit(raw)).toEqual({ ok: true, value: ms });
  });

  it.each(['5', '5 m', 'm', '-5s', '1.5m', '5d', '', '0s', '200h'])('refuses %j, naming the flag', (raw) => {
    const parsed = parseTimeLimit(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^--time-limit /);
  });

  it('absent means no limit', () => {
    expect(parseTimeLimit(undefined)).toEqual({ ok: true, value: null });
  });

  it('formats budgets back as they are written', () => {
    expect([300_000, 90_000, 1500, 3_600_000, 3_690_000].map(formatDuration)).toEqual(['5m', '1m30s', '1500ms', '1h', '1h1m30s']);
  });
});

describe('explore --time-limit', () => {
  it('stops an unbounded sweep at the budget, exits 0, and reports the seeds, events and faults it covered', async () => {
    const { code, out } = await runCli('explore', 'bank-transfer', '--time-limit', '2s', '--seed-start', '500', '--shard', '2/3', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.ok).toBe(true);
    expect(r.timeLimit).toMatchObject({ limitMs: 2000, reached: true });
    expect(r.seedsRun).toBeGreaterThan(0);
    // Shard 2 of 3 from seed 500 runs 501, 504, ...: a prefix of its range.
    const last = 501 + 3 * (r.seedsRun - 1);
    expect(r.timeLimit.covered).toBe(r.seedsRun === 1 ? 'seed 501' : `seeds 501..${last} (step 3, ${r.seedsRun} seeds)`);
    expect(Object.values(r.coverage.faultsFired as Record<string, number>).some((n) => n > 0)).toBe(true);
  }, 60_000);

  it('with worker threads too: the blocks handed out finish, and the seeds run are still a prefix', async () => {
    const { code, out } = await runCli('explore', 'bank-transfer', '--time-limit', '1s', '--workers', '2', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.timeLimit.reached).toBe(true);
    expect(r.timeLimit.covered).toBe(`seeds 1..${r.seedsRun} (${r.seedsRun} seeds)`);
  }, 60_000);

  it('the text report ends with what the budget covered', async () => {
    const { code, out } = await runCli('explore', 'bank-transfer', '--time-limit', '1s');
    expect(code).toBe(0);
    expect(out).toMatch(/\ntime limit 1s reached: the sweep stopped cleanly after \d+\.\d s, having run seeds 1\.\.\d+ \(\d+ seeds\), \d+ events; faults fired: \S+=\d+/);
  }, 60_000);

  it('a sweep that ends before its budget says so', async () => {
    const { code, out } = await runCli('explore', 'bank-transfer', '--seeds', '5', '--time-limit', '10m');
    expect(code).toBe(0);
    expect(out).toMatch(/\ntime limit 10m not reached: the sweep ended on its own after/);
  }, 60_000);

  it('is refused for exhaustive exploration and without a unit (exit 2, flag named)', async () => {
    const exhaustive = await runCli('explore', 'bank-transfer', '--strategy', 'exhaustive', '--time-limit', '5m');
    expect(exhaustive.code).toBe(2);
    expect(exhaustive.err).toContain('--time-limit applies to --strategy random or pct');
    const bare = await runCli('explore', 'bank-transfer', '--time-limit', '5');
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('--time-limit must be a duration');
  });
});
