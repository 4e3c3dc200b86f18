/**
 * `explore --check-determinism [n]` re-runs n seeds spread over the sweep
 * twice each: a user's design that keeps state at module level is reported
 * as nondeterministic with a hint (exit 1); a deterministic one passes with
 * a line saying what was checked.
 */
import { describe, expect, it } from 'vitest';
import { spreadSample } from '../../sim/explore/check-determinism.ts';
import { runCli } from '../support/cli-harness.ts';

const LEAKY = './test/fixtures/module-counter-design.ts';

describe('spreadSample', () => {
  it('spreads n seeds over the range, first and last included', () => {
    expect(spreadSample({ first: 1, step: 1, count: 100 }, 5)).toEqual([1, 26, 51, 75, 100]);
    expect(spreadSample({ first: 2, step: 3, count: 4 }, 20)).toEqual([2, 5, 8, 11]);
    expect(spreadSample({ first: 7, step: 1, count: 1000 }, 1)).toEqual([7]);
  });
});

describe('explore --check-determinism', () => {
  it('a design with a module-level counter: exit 1, NONDETERMINISM in the design first, with the hint', async () => {
    const r = await runCli('explore', 'bank-transfer', '--design', LEAKY, '--seeds', '20', '--check-determinism', '4');
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^NONDETERMINISM in design ${LEAKY.replace(/\./g, '\\.')}: seed \\d+ gave trace hash [0-9a-f]{16}, then [0-9a-f]{16} when run again$`));
    expect(lines[1]).toMatch(/^hint: .*module-level variables.*Math\.random, Date/);
  });

  it('the same in JSON: ok false and the two hashes', async () => {
    const r = await runCli('explore', 'bank-transfer', '--design', LEAKY, '--seeds', '20', '--check-determinism', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.ok).toBe(false);
    expect(report.determinism).toMatchObject({ ok: false, traceHashes: [expect.any(String), expect.any(String)] });
    expect(report.determinism.traceHashes[0]).not.toBe(report.determinism.traceHashes[1]);
  });

  it('the reference design: exit 0 and a line saying the sampled seeds replayed identically', async () => {
    const r = await runCli('explore', 'bank-transfer', '--seeds', '30', '--check-determinism', '6');
    expect(r.code).toBe(0);
    expect(r.out).toContain('determinism: 6 seeds spread over the sweep each ran twice with the same trace hash');
  });

  it.each([
    [['--strategy', 'exhaustive', '--check-determinism'], /--check-determinism applies to --strategy random or pct/],
    [['--check-determinism', '0'], /--check-determinism must be at least 1/],
    [['--check-determinism', 'x'], /--check-determinism must be a non-negative integer/],
  ])('%j: exit 2', async (args, message) => {
    const r = await runCli('explore', 'bank-transfer', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
});
