/**
 * Runaway code is reported, never waited on forever. Designs that spin on
 * microtasks or run a busy loop are stopped by the watchdog of the real entry
 * point (bin/moneysim.js) and reported as `Runaway` with their seed and a
 * replay line that reproduces the runaway; a design that keeps re-arming
 * zero-delay timers is stopped by the kernel itself, in process, because
 * virtual time never moves.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { EVENTS_AT_ONE_INSTANT_MAX } from '../../../sim/kernel/simulator.ts';
import { findSystem } from '../../../sim/systems/registry.ts';
import { moneysimArgs } from '../../cli/shell-words.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const design = (name: string): string => `./test/fixtures/designs/${name}.ts`;

/** Runs the real entry point and measures how long it took to answer. */
function moneysim(...args: string[]): { status: number | null; stdout: string; stderr: string; elapsedMs: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/moneysim.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, elapsedMs: performance.now() - started };
}

const RUNAWAY_HEAD = /^VIOLATION Runaway seed (\d+), step \d+, \d+ ms virtual$/;

/** Checks a text Runaway report and returns its seed and replay line. */
function expectRunaway(r: ReturnType<typeof moneysim>, what: string): { seed: number; replay: string } {
  console.log(`${what}: exit ${r.status} after ${Math.round(r.elapsedMs)} ms\n${r.stdout}`);
  expect(r.status).toBe(1);
  expect(r.elapsedMs).toBeLessThan(60_000);
  const lines = r.stdout.split('\n');
  expect(lines[0]).toMatch(RUNAWAY_HEAD);
  expect(lines[1]).toMatch(/^replay: npx moneysim /);
  expect(lines[2]).toMatch(/microtask turns \(budgets: \d+ ms, --event-budget-ms, and 10000000 turns\)/);
  return { seed: Number(RUNAWAY_HEAD.exec(lines[0]!)![1]), replay: lines[1]!.slice('replay: '.length) };
}

describe('the watchdog stops designs that never yield', () => {
  it('a design spinning on microtasks: Runaway with its seed within 60 s, and its replay line reproduces it', () => {
    const found = expectRunaway(moneysim('explore', 'bank-transfer', '--design', design('spins-microtasks'), '--event-budget-ms', '2000'), 'spins-microtasks');
    // The replay line keeps the budget, so the replay is stopped as quickly as the run was.
    expect(found.replay).toBe(`npx moneysim replay bank-transfer --design ${design('spins-microtasks')} --seed ${found.seed} --event-budget-ms 2000`);
    const again = moneysim(...moneysimArgs(found.replay));
    const replayed = expectRunaway(again, 'its replay');
    expect(replayed.seed).toBe(found.seed);
  }, 120_000);

  it('a microtask spin is stopped by the turn budget long before the default 10 s wall-clock budget', () => {
    const started = performance.now();
    const r = moneysim('explore', 'bank-transfer', '--design', design('spins-microtasks'));
    const elapsedMs = performance.now() - started;
    expectRunaway(r, 'spins-microtasks (default budget)');
    const turns = Number(/and (\d+) microtask turns/.exec(r.stdout)![1]);
    console.log(`microtask spin stopped after ${Math.round(elapsedMs)} ms and ${turns} turns`);
    expect(turns).toBeGreaterThan(10_000_000);
    expect(elapsedMs).toBeLessThan(10_000);
  }, 60_000);

  it('a busy loop: Runaway within 60 s, also with --workers 2, and the same seed either way', () => {
    const serial = expectRunaway(moneysim('explore', 'bank-transfer', '--design', design('busy-loop'), '--event-budget-ms', '2000'), 'busy-loop');
    const parallel = expectRunaway(moneysim('explore', 'bank-transfer', '--design', design('busy-loop'), '--event-budget-ms', '2000', '--workers', '2'), 'busy-loop --workers 2');
    expect(parallel.seed).toBe(serial.seed);
  }, 120_000);

  it('replay --json of a runaway seed prints one JSON object naming Runaway and its seed', () => {
    const r = moneysim('replay', 'bank-transfer', '--design', design('busy-loop'), '--seed', '1', '--event-budget-ms', '1000', '--json');
    console.log(`replay --json: exit ${r.status} after ${Math.round(r.elapsedMs)} ms`);
    expect(r.status).toBe(1);
    expect(r.elapsedMs).toBeLessThan(60_000);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.violation).toMatchObject({ invariant: 'Runaway', seed: 1, eventBudgetMs: 1000 });
    expect(report.violation.wallMs).toBeGreaterThanOrEqual(1000);
    expect(moneysimArgs(report.violation.replay)).toEqual(['replay', 'bank-transfer', '--design', design('busy-loop'), '--seed', '1', '--event-budget-ms', '1000', '--json']);
  }, 60_000);
});

describe('the kernel stops runs in which time never moves', () => {
  it('a design re-arming zero-delay timers is a Runaway found in process, "without time moving"', async () => {
    const system = findSystem('bank-transfer')!;
    const loaded = await system.loadDesign(join(ROOT, 'test/fixtures/designs/zero-timer-loop.ts'));
    if (!loaded.ok) throw new Error(loaded.message);
    const seed = 1;
    console.log(`zero-timer-loop: seed ${seed}`);
    const r = await system.run({ design: loaded.design, seed, choice: new RandomChoiceSource(seed), keepTrace: false });
    expect(r.kind).toBe('violation');
    if (r.kind !== 'violation') return;
    expect(r.violation.invariant).toBe('Runaway');
    expect(r.violation.message).toContain('without time moving');
    expect(r.violation.message).toContain(`more than ${EVENTS_AT_ONE_INSTANT_MAX} events at ${r.violation.timeMs} ms`);
    // Stopped at the budget, not at the run's overall step limit.
    expect(r.events).toBeLessThan(EVENTS_AT_ONE_INSTANT_MAX + 1000);
  });
});
