/**
 * `--emit-test`: the target is checked before any run (exit 2), and the two
 * kinds of emitted test say what they assert: `holds` (the default) that the
 * design breaks nothing on the failure's choices, `fails` that it still
 * breaks the same invariant.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';
import { runCli } from '../support/cli-harness.ts';

const NAIVE_EXHAUSTIVE = ['explore', 'bank-transfer', '--design', 'naive', '--strategy', 'exhaustive', '--max-faults', '1', '--workload', '1'];

function runsIn(text: string): EncodedRun[] {
  return [...text.matchAll(/const run: EncodedRun = (\{.*\});/g)].map((m) => JSON.parse(m[1]!) as EncodedRun);
}

describe('--emit-test target', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--emit-test', '/no/such/dir/x.test.ts'], /--emit-test: directory "\/no\/such\/dir" does not exist/],
    [['--emit-test', 'package.json/x.test.ts'], /--emit-test: directory "package\.json" does not exist/],
    [['--emit-test', join(tmpdir(), 'x.test.ts'), '--emit-test-kind', 'maybe'], /--emit-test-kind must be holds or fails/],
    [['--emit-test-kind', 'fails'], /--emit-test-kind applies only with --emit-test/],
  ];
  for (const [args, message] of cases) {
    it(`${args.join(' ')}: exit 2 before any run`, async () => {
      const r = await runCli(...NAIVE_EXHAUSTIVE, ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    });
  }
});

describe('emitted test kinds', () => {
  it('holds (default): asserts the design breaks nothing on the failure\'s choices, so it is red while the bug is there', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'moneysim-emit-')), 'naive.test.ts');
    const r = await runCli(...NAIVE_EXHAUSTIVE, '--emit-test', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`test (kind holds) written to ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Kind "holds"');
    expect(text).toMatch(/it\("naive holds where it broke No\w+"/);
    expect(text).not.toContain('violates');
    const runs = runsIn(text);
    expect(runs.length).toBeGreaterThan(0);
    // What the emitted case asserts ('pass') is not what the naive design does today.
    for (const run of runs) expect(await replayOutcome(run)).not.toBe('pass');
  });

  it('fails: asserts the design still breaks the same invariant, and the default design holds', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'moneysim-emit-')), 'naive.test.ts');
    const r = await runCli(...NAIVE_EXHAUSTIVE, '--emit-test', file, '--emit-test-kind', 'fails');
    expect(r.code).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Kind "fails"');
    expect(text).toContain('reference holds on the same choices');
    const wanted = [...text.matchAll(/\.toBe\("(No\w+)"\)/g)].map((m) => m[1]);
    const got = await Promise.all(runsIn(text).map((run) => replayOutcome(run)));
    expect(got).toEqual(wanted);
  });
});
