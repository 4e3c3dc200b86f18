/**
 * The watchdog's side of the CLI: the per-event budget it reads from the
 * arguments, the replay line it derives for a run it stopped (a seed replay
 * for random and pct sweeps, with pct's flags; the same command otherwise;
 * always shell-quoted), the report it prints, and the refusal of a bad
 * `--event-budget-ms` with exit 2 before anything runs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatRunaway, runawayReplay } from '../../cli/format/runaway-report.ts';
import { EVENT_BUDGET_MS_DEFAULT, eventBudgetMs } from '../../cli/supervisor.ts';
import { moneysimArgs } from './shell-words.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('runawayReplay', () => {
  it('an explored random seed replays with replay --seed, the design named or the default', () => {
    expect(runawayReplay(['explore', 'bank-transfer', '--design', 'naive', '--seeds', '500'], 42)).toBe('npx moneysim replay bank-transfer --design naive --seed 42');
    expect(runawayReplay(['explore', 'bank-transfer', '--seed-start', '9'], 12)).toBe('npx moneysim replay bank-transfer --design reference --seed 12');
    expect(runawayReplay(['explore', 'bank-transfer', '--design=naive', '--strategy=random'], 3)).toBe('npx moneysim replay bank-transfer --design naive --seed 3');
  });

  it('a pct seed replays with the strategy and its depth and steps, given or default', () => {
    expect(runawayReplay(['explore', 'bank-transfer', '--strategy', 'pct', '--pct-depth', '5', '--pct-steps', '80'], 7)).toBe(
      'npx moneysim replay bank-transfer --design reference --seed 7 --strategy pct --pct-depth 5 --pct-steps 80',
    );
    expect(runawayReplay(['explore', 'bank-transfer', '--strategy=pct'], 7)).toBe('npx moneysim replay bank-transfer --design reference --seed 7 --strategy pct --pct-depth 3 --pct-steps 50');
  });

  it('anything without a seed to replay (exhaustive, no seed known, replay, run) reruns the same command', () => {
    const exhaustive = ['explore', 'bank-transfer', '--strategy', 'exhaustive', '--workload', '1'];
    expect(runawayReplay(exhaustive, 0)).toBe('npx moneysim explore bank-transfer --strategy exhaustive --workload 1');
    expect(runawayReplay(['explore', 'bank-transfer'], null)).toBe('npx moneysim explore bank-transfer');
    expect(runawayReplay(['replay', 'bank-transfer', '--seed', '4'], 4)).toBe('npx moneysim replay bank-transfer --seed 4');
    expect(runawayReplay(['run', 'bank-transfer/happy-path'], 1)).toBe('npx moneysim run bank-transfer/happy-path');
  });

  it('is shell-quoted: a design path with spaces and quotes comes back word for word', () => {
    const path = "./my designs/it's.ts";
    const seedLine = runawayReplay(['explore', 'bank-transfer', '--design', path], 8);
    expect(seedLine).toBe(`npx moneysim replay bank-transfer --design './my designs/it'\\''s.ts' --seed 8`);
    expect(moneysimArgs(seedLine)).toEqual(['replay', 'bank-transfer', '--design', path, '--seed', '8']);
    const rerun = ['replay', 'bank-transfer', '--design', path, '--choices', '0.1*3~9'];
    expect(moneysimArgs(runawayReplay(rerun, null))).toEqual(rerun);
  });
});

describe('formatRunaway', () => {
  const stuck = { seed: 11, step: 4, timeMs: 1560, wallMs: 2031, turns: 12 };

  it('text: the invariant, seed, step and virtual time, then the replay line, then what happened', () => {
    const lines = formatRunaway(stuck, ['explore', 'bank-transfer', '--design', 'naive'], 2000).split('\n');
    expect(lines[0]).toBe('VIOLATION Runaway seed 11, step 4, 1560 ms virtual');
    expect(lines[1]).toBe('replay: npx moneysim replay bank-transfer --design naive --seed 11');
    expect(lines[2]).toContain('one event ran for 2031 ms of wall-clock time and 12 microtask turns (budgets: 2000 ms, --event-budget-ms, and 10000000 turns)');
    expect(formatRunaway({ ...stuck, seed: null }, ['run', 'bank-transfer/happy-path'], 2000).split('\n')[0]).toBe('VIOLATION Runaway step 4, 1560 ms virtual');
  });

  it('--json: one object with ok false and the Runaway violation', () => {
    const report = JSON.parse(formatRunaway(stuck, ['explore', 'bank-transfer', '--json'], 2000));
    expect(report).toEqual({
      ok: false,
      violation: { invariant: 'Runaway', seed: 11, step: 4, timeMs: 1560, wallMs: 2031, turns: 12, eventBudgetMs: 2000, replay: 'npx moneysim replay bank-transfer --design reference --seed 11' },
    });
  });
});

describe('--event-budget-ms', () => {
  it('is read in both spellings, and falls back to the default when absent or bad (main refuses bad values)', () => {
    expect(EVENT_BUDGET_MS_DEFAULT).toBe(10_000);
    expect(eventBudgetMs(['node', 'moneysim', 'explore', 'bank-transfer'])).toBe(10_000);
    expect(eventBudgetMs(['node', 'moneysim', 'explore', '--event-budget-ms', '250'])).toBe(250);
    expect(eventBudgetMs(['node', 'moneysim', 'explore', '--event-budget-ms=250'])).toBe(250);
    expect(eventBudgetMs(['node', 'moneysim', 'explore', '--event-budget-ms', '0'])).toBe(10_000);
  });

  it.each([['0'], ['-1'], ['abc'], ['1.5']])('--event-budget-ms %s through the real entry point: exit 2 naming the flag, nothing run', (value) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/moneysim.js'), 'explore', 'bank-transfer', '--seeds', '1', '--event-budget-ms', value], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`error: --event-budget-ms must be a positive integer of milliseconds, got "${value}"`);
  }, 30_000);
});
