/**
 * The explore and replay commands' strategy, shrinking, coverage and
 * emit-test behaviour, pinned by exit codes: 0 holds, 1 violation or
 * required coverage missing, 2 bad flags (with the flag named).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-harness.ts';
import { moneysimArgs } from '../../cli/shell-words.ts';

describe('explore strategies on the CLI', () => {
  it('exhaustive on naive: exit 1, three shrunk violations whose replay lines reproduce the shrunk run', async () => {
    const { code, out } = await runCli('explore', 'bank-transfer', '--design', 'naive', '--strategy', 'exhaustive', '--max-faults', '2', '--workload', '2', '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ strategy: 'exhaustive', exhausted: true, bounds: { maxFaults: 2, transfers: 2 } });
    expect(report.violations).toHaveLength(3);
    for (const v of report.violations) {
      expect(v.shrink.shrunk.transfers).toBeLessThanOrEqual(2);
      expect(v.shrink.shrunk.choices).toBeLessThanOrEqual(v.shrink.original.choices);
      const replayed = await runCli(...moneysimArgs(v.shrunk.replay), '--json');
      expect(replayed.code).toBe(1);
      const r = JSON.parse(replayed.out);
      expect(r.traceHash).toBe(v.shrunk.traceHash);
      expect(r.violation.invariant).toBe(v.invariant);
    }
  });

  it('exhaustive on reference: exit 0 and says plainly that the bounded space holds', async () => {
    const { code, out } = await runCli('explore', 'bank-transfer', '--strategy', 'exhaustive', '--max-faults', '1', '--workload', '2');
    expect(code).toBe(0);
    expect(out).toMatch(/^ok: all \d+ schedules within 1 faults hold \(bounded space exhausted/);
  });

  it('random on naive prints the found seed, its replay line, then the shrunk replay line with sizes', async () => {
    const { code, out } = await runCli('explore', 'bank-transfer', '--design', 'naive', '--seeds', '50');
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^VIOLATION \w+ seed \d+, step \d+/);
    expect(lines[1]).toMatch(/^replay: npx moneysim replay bank-transfer --design naive --seed \d+$/);
    // The message under each replay line is that run's own.
    expect(lines[2]).toMatch(/^  \S/);
    expect(lines[3]).toMatch(/^shrunk: npx moneysim replay bank-transfer --design naive --choices '\S+'$/);
    expect(lines[4]).toMatch(/^  \S/);
    expect(out).toMatch(/shrunk run: step \d+, \d+ ms virtual; transfers \d+ -> \d+, faults \d+ -> \d+, choices \d+ -> \d+/);
  });

  it('pct on naive finds a violation (seed 1..300)', async () => {
    const { code, out } = await runCli('explore', 'bank-transfer', '--design', 'naive', '--strategy', 'pct', '--seeds', '300', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out).strategy).toBe('pct');
  });

  it('coverage: a probe that never fires warns, and fails the run under --require-coverage', async () => {
    const args = ['explore', 'bank-transfer', '--strategy', 'exhaustive', '--max-faults', '0', '--workload', '1'];
    const plain = await runCli(...args);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/warning: probes never hit: .*reversal/);
    const required = await runCli(...args, '--require-coverage', '--json');
    expect(required.code).toBe(1);
    expect(JSON.parse(required.out).coverage).toMatchObject({ required: true, ok: false });
    // The text verdict never says ok when the required coverage was missed.
    const text = await runCli(...args, '--require-coverage');
    expect(text.code).toBe(1);
    expect(text.out).not.toMatch(/^ok/m);
    expect(text.out.split('\n')[0]).toMatch(/^COVERAGE NOT MET: no invariant violated, but probes .*reversal.* were never hit/);
  });

  it('--emit-test writes a vitest file whose import resolves from where it is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moneysim-emit-'));
    const file = join(dir, 'naive.test.ts');
    const { code } = await runCli('explore', 'bank-transfer', '--design', 'naive', '--strategy', 'exhaustive', '--max-faults', '1', '--workload', '1', '--emit-test', file, '--emit-test-kind', 'fails');
    expect(code).toBe(1);
    const text = readFileSync(file, 'utf8');
    const imported = /from '([^']+replay-encoded\.ts)'/.exec(text)![1]!;
    expect(existsSync(resolve(dirname(file), imported))).toBe(true);
    expect(text).toContain('reference holds on the same choices');
  });
});

describe('bad exploration flags exit 2 naming the flag', () => {
  const cases: Array<[string[], RegExp]> = [
    [['explore', 'bank-transfer', '--strategy', 'bfs'], /--strategy must be random, pct or exhaustive/],
    [['explore', 'bank-transfer', '--shard', '0/2'], /--shard needs 1 <= I <= N/],
    [['explore', 'bank-transfer', '--shard', 'half'], /--shard must look like I\/N/],
    [['explore', 'bank-transfer', '--max-faults', '2'], /--max-faults applies to --strategy exhaustive/],
    [['explore', 'bank-transfer', '--strategy', 'exhaustive', '--seeds', '5'], /--seeds applies to --strategy random or pct/],
    [['explore', 'bank-transfer', '--workers', '0'], /--workers must be at least 1/],
    [['explore', 'bank-transfer', '--find', 'some'], /--find must be first or all/],
    [['explore', 'bank-transfer', '--emit-test', 'out.js'], /--emit-test must name a \.test\.ts file/],
    [['explore', 'bank-transfer', '--strategy', 'exhaustive', '--workload', '0'], /--workload must be between 1 and 8, got 0/],
    [['replay', 'bank-transfer'], /--seed or --choices is required/],
    [['replay', 'bank-transfer', '--choices', '1.%'], /--choices: malformed choice token/],
    [['replay', 'bank-transfer', '--world', 'flat', '--seed', '1'], /--world must be swarm or exhaustive/],
    [['replay', 'bank-transfer', '--seed', '1', '--workload', '2'], /--workload applies to --world exhaustive only/],
  ];
  for (const [args, message] of cases) {
    it(args.slice(2).join(' '), async () => {
      const { code, err, out } = await runCli(...args);
      expect(code).toBe(2);
      expect(err).toMatch(message);
      expect(out).toBe('');
    });
  }
});
