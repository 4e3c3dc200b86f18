/**
 * Scenario files on the command line: a user's own file runs by path, a
 * malformed file (the user's or a built-in one) is refused with exit 2
 * naming the file and the field while every other scenario keeps working,
 * and `scenarios --design` checks a design by path against the reference's
 * expectations.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { useScenarioDirectory } from '../../sim/bank-transfer/scenario-catalog.ts';
import { runCli } from '../support/cli-harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILT_IN = join(ROOT, 'scenarios/bank-transfer');
const dir = mkdtempSync(join(tmpdir(), 'moneysim-scenarios-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => useScenarioDirectory(null));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const rejectedThenCrash = {
  system: 'bank-transfer',
  description: 'mine: credit rejected, crash right after',
  faults: {
    calls: [{ service: 'ledger', method: 'credit', nth: 1, fault: 'reject' }],
    crashes: [{ on: { phase: 'reply', method: 'credit', nth: 1, when: 'after' }, restartAfterMs: 100 }],
  },
  expect: { reference: { ok: true }, naive: { ok: false, invariant: 'NoOrphanedMoney' } },
};

describe('run <file.json>', () => {
  it('runs a user scenario file against a design and replays by path', async () => {
    const path = file('mine.json', rejectedThenCrash);
    const ok = await runCli('run', path);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`scenario ${path}: mine: credit rejected, crash right after`);
    const naive = await runCli('run', path, '--design', 'naive');
    expect(naive.code).toBe(1);
    expect(naive.out).toMatch(/^VIOLATION NoOrphanedMoney seed 1/m);
    expect(naive.out).toContain(`replay: npx moneysim run ${path} --design naive --seed 1`);
  });

  it('refuses a file with a bad field, naming the file and the field, before running', async () => {
    const path = file('bad-field.json', { ...rejectedThenCrash, faults: { crashes: [{ on: { phase: 'reply', nth: 1, when: 'later' }, restartAfterMs: 1 }] } });
    const r = await runCli('run', path);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${path}: "faults.crashes[0].on.when" must be "before" or "after"`);
  });

  it('refuses bad JSON with its line, a missing file, and a file for another system', async () => {
    const json = await runCli('run', file('bad.json', '{\n  "description": "x"\n  "seed": 1\n}\n'));
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/bad\.json: not valid JSON: .* at line 3, column 3/);
    const missing = await runCli('run', join(dir, 'none.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('none.json: no such file');
    const other = await runCli('run', file('other.json', { ...rejectedThenCrash, system: 'nowhere' }));
    expect(other.code).toBe(2);
    expect(other.err).toContain('other.json: "system": unknown system "nowhere"');
  });
});

describe('a malformed built-in scenario file', () => {
  function catalogWithBrokenFile(): void {
    const builtIns = mkdtempSync(join(dir, 'built-in-'));
    copyFileSync(join(BUILT_IN, 'happy-path.json'), join(builtIns, 'happy-path.json'));
    copyFileSync(join(BUILT_IN, 'crash-during-reversal.json'), join(builtIns, 'crash-during-reversal.json'));
    writeFileSync(join(builtIns, 'broken.json'), JSON.stringify({ description: 'b', world: { accounts: [{ accountId: 'ext-1', userId: 'u', balanceMinor: -5 }] }, expect: {} }));
    useScenarioDirectory(builtIns);
  }

  it('leaves list and the other scenarios working', async () => {
    catalogWithBrokenFile();
    const list = await runCli('list');
    expect(list.code).toBe(0);
    expect(list.out).toContain('happy-path');
    const run = await runCli('run', 'bank-transfer/happy-path');
    expect(run.code).toBe(0);
  });

  it('is refused with exit 2 naming the file and the field when asked for', async () => {
    catalogWithBrokenFile();
    const r = await runCli('run', 'bank-transfer/broken');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.json: "world\.accounts\[0\]\.balanceMinor" must be a non-negative integer/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('makes scenarios check the rest, report it, and exit 2', async () => {
    catalogWithBrokenFile();
    const r = await runCli('scenarios', 'bank-transfer');
    expect(r.code).toBe(2);
    expect(r.out).toContain('met   bank-transfer/happy-path [reference] ok');
    expect(r.out).toContain('met   bank-transfer/crash-during-reversal [naive] violates NoOrphanedMoney');
    expect(r.out).toMatch(/BAD {3}bank-transfer\/broken .*broken\.json: "world\.accounts\[0\]\.balanceMinor"/);
    expect(r.out).toContain('all 4 expectations met; 1 scenario could not be checked');
    expect(r.err).toMatch(/a scenario could not be checked:\n {2}.*broken\.json: /);
  });
});

describe('scenarios --design and --scenario', () => {
  it("checks a design given by path against the reference's expectations", async () => {
    const good = await runCli('scenarios', '--design', './test/fixtures/designs/reference-copy.ts');
    expect(good.code).toBe(0);
    expect(good.out).toContain('met   bank-transfer/crash-during-reversal [./test/fixtures/designs/reference-copy.ts, judged as reference] ok');
    expect(good.out).not.toContain('[naive]');
    const example = await runCli('scenarios', 'bank-transfer', '--design', './examples/bank-transfer/my-coordinator.ts', '--json');
    expect(example.code).toBe(1);
    const report = JSON.parse(example.out);
    const rejected = report.checks.find((c: { scenario: string }) => c.scenario === 'credit-rejected-antifraud');
    expect(rejected).toMatchObject({ met: false, expectationOf: 'reference', got: { ok: false, invariant: 'NoOrphanedMoney' } });
  });

  it('checks a built-in design by its own expectations', async () => {
    const r = await runCli('scenarios', '--design', 'naive');
    expect(r.code).toBe(0);
    expect(r.out).toContain('met   bank-transfer/crash-during-reversal [naive] violates NoOrphanedMoney');
    expect(r.out).not.toContain('[reference]');
  });

  it("runs one user file against the designs it names, or refuses a design it can't judge", async () => {
    const path = file('mine-check.json', rejectedThenCrash);
    const r = await runCli('scenarios', '--scenario', path);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`met   ${path} [naive] violates NoOrphanedMoney`);
    expect(r.out).toContain('all 2 expectations met');
    const none = await runCli('scenarios', '--scenario', file('no-expect.json', { ...rejectedThenCrash, expect: { mine: { ok: true } } }));
    expect(none.code).toBe(2);
    expect(none.err).toContain('"expect.mine" names no built-in design (known: reference, naive)');
  });

  it('refuses bad flags before running anything', async () => {
    const design = await runCli('scenarios', '--design', './nothing-here.ts');
    expect(design.code).toBe(2);
    expect(design.out).toBe('');
    expect(design.err).toContain('--design: no such file "./nothing-here.ts"');
    const scenario = await runCli('scenarios', '--scenario', 'bank-transfer/nope');
    expect(scenario.code).toBe(2);
    expect(scenario.err).toContain('--scenario: unknown scenario "nope"');
  });
});
