/**
 * No false passes: designs that are plainly broken fail `explore` through the
 * real entry point (bin/moneysim.js), each with the invariant that names its
 * defect. A design that never answers is RequestsAnswered and names the
 * press; one that reaches for Math.random or the wall clock is the design's
 * Nondeterminism with a hint, not moneysim's internal error; one without the
 * per-account lock is found by the default 1000 seeds; one that trusts a
 * status query sent before the cash-out's expiry is found by the default
 * exhaustive bounds. A design that polls its store forever is judged in
 * process (one run), where it is RequestsAnswered too.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { bankTransferSystem } from '../../../sim/systems/bank-transfer-system.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const design = (name: string): string => `./test/fixtures/designs/${name}.ts`;

function moneysim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/moneysim.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The first line of a seed-found violation: invariant and seed. */
function head(stdout: string): { invariant: string; seed: number } {
  const m = /^VIOLATION (\w+) seed (\d+), step \d+, \d+ ms virtual$/m.exec(stdout);
  if (m === null) throw new Error(`no VIOLATION line in:\n${stdout.slice(0, 2000)}`);
  return { invariant: m[1]!, seed: Number(m[2]) };
}

describe('designs that never answer', () => {
  it('transfer() never settles: exit 1, RequestsAnswered naming the unanswered press', () => {
    const r = moneysim('explore', 'bank-transfer', '--design', design('never-settles'), '--seeds', '3');
    const found = head(r.stdout);
    console.log(`never-settles: ${found.invariant} at seed ${found.seed}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(found.invariant).toBe('RequestsAnswered');
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe(`replay: npx moneysim replay bank-transfer --design ${design('never-settles')} --seed ${found.seed}`);
    expect(lines[2]).toMatch(/^  press p\d+\.\d+ \(\d+ from ext-\d+\) never settled within \d+ ms after healing: no answer in \d+ attempt\(s\)/);
    expect(r.stdout).toContain('1 invariant(s) violated: RequestsAnswered');
    expect(r.stdout).not.toMatch(/^ok/m);
  }, 60_000);

  it('transfer() polls its store forever: RequestsAnswered in one in-process run', async () => {
    const loaded = await bankTransferSystem.loadDesign(join(ROOT, design('polls-forever')));
    if (!loaded.ok) throw new Error(loaded.message);
    const seed = 1;
    console.log(`polls-forever: seed ${seed}`);
    const r = await bankTransferSystem.run({ design: loaded.design, seed, choice: new RandomChoiceSource(seed), keepTrace: false });
    expect(r.kind).toBe('violation');
    if (r.kind !== 'violation') return;
    expect(r.violation.invariant).toBe('RequestsAnswered');
    expect(r.violation.message).toMatch(/^press p\d+\.\d+ .* never settled/);
    expect(r.answers).toBe(0);
  }, 30_000);
});

describe('designs reaching outside their ports', () => {
  it('Math.random and Date.now: exit 1, the design\'s Nondeterminism with a hint to use clock.nowMs()', () => {
    const r = moneysim('explore', 'bank-transfer', '--design', design('uses-math-random'), '--seeds', '5', '--shrink-runs', '50');
    const found = head(r.stdout);
    console.log(`uses-math-random: ${found.invariant} at seed ${found.seed}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(found.invariant).toBe('Nondeterminism');
    expect(r.stdout.split('\n')[2]).toMatch(/^  the design called (Date\.now\(\)|Math\.random\(\)|new Date\(\)) at \d+ ms; .*clock\.nowMs\(\) for time/);
    expect(r.stdout).not.toContain('INTERNAL ERROR');
  }, 60_000);
});

describe('default bounds find the planted money bugs', () => {
  it('explore with its default 1000 seeds finds the design without the per-account lock (NoOverdraft)', () => {
    const r = moneysim('explore', 'bank-transfer', '--design', design('no-account-lock'), '--shrink-runs', '50');
    const found = head(r.stdout);
    console.log(`no-account-lock: ${found.invariant} at seed ${found.seed}`);
    expect(r.status).toBe(1);
    expect(found.invariant).toBe('NoOverdraft');
    expect(found.seed).toBeGreaterThanOrEqual(1);
    expect(found.seed).toBeLessThanOrEqual(1000);
    expect(r.stdout).toContain('1 invariant(s) violated: NoOverdraft');
  }, 60_000);

  it('default exhaustive bounds find the design that trusts a status query sent before the expiry (NoOrphanedMoney)', () => {
    const r = moneysim('explore', 'bank-transfer', '--design', design('early-status'), '--strategy', 'exhaustive', '--shrink-runs', '50');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^VIOLATION NoOrphanedMoney \(exhaustive schedule, shrunk\)/m);
    expect(r.stdout).toMatch(/^replay: npx moneysim replay bank-transfer --design \.\/test\/fixtures\/designs\/early-status\.ts --world exhaustive --option transfers=\d --option externalMode=idempotent --choices '\S+'$/m);
    expect(r.stdout).toMatch(/invariant\(s\) violated: .*NoOrphanedMoney.* \(bounded space exhausted\)/);
    expect(r.stdout).toContain('strategy exhaustive');
  }, 90_000);
});
