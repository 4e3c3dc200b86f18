/**
 * `--junit` writes JUnit XML that parses, counts what ran, and whose
 * failures carry the invariant, the message, a replay line that really
 * reproduces the failure, and the trace; under GitHub Actions the same
 * failures print as workflow annotations on standard error (stdout keeps
 * its JSON) and one paragraph lands in the step summary.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { junitXml } from '../../../cli/ci/junit-xml.ts';
import { testSeed } from '../../model/seed.ts';
import { runCli } from '../../support/cli-harness.ts';
import { moneysimArgs } from '../shell-words.ts';
import { findAll, parseXml, type XmlElement } from './xml-reader.ts';

const dir = mkdtempSync(join(tmpdir(), 'moneysim-junit-'));

function cases(root: XmlElement): XmlElement[] {
  return findAll(root, 'testcase');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scenarios --junit', () => {
  it('writes one test case per scenario and design, all passing, with the counts on the root', async () => {
    const file = join(dir, 'scenarios.xml');
    const { code, out } = await runCli('scenarios', 'bank-transfer', '--json', '--junit', file);
    expect(code).toBe(0);
    const checks = (JSON.parse(out) as { checks: Array<{ scenario: string; design: string }> }).checks;
    const root = parseXml(readFileSync(file, 'utf8'));
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: String(checks.length), failures: '0', errors: '0' });
    const names = cases(root).map((c) => c.attrs.name);
    expect(names).toEqual(checks.map((c) => `${c.scenario} [${c.design}]`));
    expect(cases(root).every((c) => c.attrs.classname === 'moneysim.scenarios.bank-transfer' && findAll(c, 'failure').length === 0)).toBe(true);
  });

  it('an unmet expectation fails its case with the invariant, the message, a replay line that reproduces it, and the trace', async () => {
    const file = join(dir, 'unmet.xml');
    const design = 'test/fixtures/designs/early-status.ts';
    const { code } = await runCli('scenarios', 'bank-transfer', '--design', design, '--junit', file);
    expect(code).toBe(1);
    const root = parseXml(readFileSync(file, 'utf8'));
    const failed = cases(root).filter((c) => findAll(c, 'failure').length > 0);
    expect(failed.length).toBeGreaterThan(0);
    expect(root.attrs.failures).toBe(String(failed.length));
    const failure = findAll(failed[0]!, 'failure')[0]!;
    expect(failure.attrs.type).toMatch(/^No\w+$/);
    expect(failure.attrs.message).toMatch(/^expected ok, got violates No\w+: /);
    const replay = /^replay: (.+)$/m.exec(failure.text)?.[1];
    expect(replay).toMatch(new RegExp(`^npx moneysim run bank-transfer/[\\w-]+ --design ${design} --seed \\d+$`));
    expect(failure.text).toMatch(/^trace:\n\s+1\s+\d+ ms/m);
    const rerun = await runCli(...moneysimArgs(replay!), '--json');
    expect(rerun.code).toBe(1);
    expect(JSON.parse(rerun.out).violation.invariant).toBe(failure.attrs.type);
  }, 60_000);

  it('refuses a --junit path that is a directory before running anything (exit 2)', async () => {
    const { code, err } = await runCli('scenarios', '--junit', dir);
    expect(code).toBe(2);
    expect(err).toContain('--junit');
  });
});

describe('explore --junit', () => {
  it("one case per sweep; the failure's replay line is the shrunk run's and replays to the same invariant", async () => {
    const file = join(dir, 'explore.xml');
    const { code } = await runCli('explore', 'bank-transfer', '--design', 'naive', '--seeds', '50', '--junit', file);
    expect(code).toBe(1);
    const root = parseXml(readFileSync(file, 'utf8'));
    const [c] = cases(root);
    expect(cases(root)).toHaveLength(1);
    expect(c!.attrs).toMatchObject({ classname: 'moneysim.explore.bank-transfer', name: 'naive: random' });
    const props = Object.fromEntries(findAll(c!, 'property').map((p) => [p.attrs.name, p.attrs.value]));
    expect(props.ran).toMatch(/^seeds? 1/);
    expect(props['faults fired']).toBeDefined();
    const failure = findAll(c!, 'failure')[0]!;
    const replay = /^replay: (.+)$/m.exec(failure.text)![1]!;
    expect(replay).toMatch(/^npx moneysim replay bank-transfer --design naive --choices '.+~\d+'$/);
    expect(failure.text).toContain('shrunk trace:');
    const rerun = await runCli(...moneysimArgs(replay), '--json');
    expect(rerun.code).toBe(1);
    expect(JSON.parse(rerun.out).violation.invariant).toBe(failure.attrs.type);
  }, 60_000);

  it('under GitHub Actions: annotations on stderr, JSON alone on stdout, one paragraph in the step summary', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    vi.stubEnv('GITHUB_ACTIONS', 'true');
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary);
    const { code, out, err } = await runCli('explore', 'bank-transfer', '--design', 'naive', '--seeds', '50', '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    const line = err.split('\n').find((l) => l.startsWith('::error '));
    const v = report.violation;
    expect(line).toBe(`::error title=moneysim ${v.invariant}%3A moneysim.explore.bank-transfer naive%3A random::${v.shrunk.message}%0Afound with seed ${v.seed} (${v.replay}), shrunk%0Areplay: ${v.shrunk.replay}`);
    const paragraph = readFileSync(summary, 'utf8');
    expect(paragraph).toMatch(/^❌ \*\*moneysim explore bank-transfer\*\*: 1 case, 1 failed\. /);
    expect(paragraph).toContain(`Found with seed ${v.seed} (${v.replay}), shrunk. Replay: \`${v.shrunk.replay}\`.`);
    expect(paragraph.trimEnd().split('\n')).toHaveLength(1);
  }, 60_000);

  it('outside GitHub Actions nothing but the report is printed', async () => {
    vi.stubEnv('GITHUB_ACTIONS', '');
    const { err } = await runCli('explore', 'bank-transfer', '--design', 'naive', '--seeds', '50', '--json');
    expect(err).not.toContain('::error');
  }, 60_000);
});

describe('check --junit and --report', () => {
  it('a counterexample is one failed case with its property, replay line and states; the report holds the states table', async () => {
    const file = join(dir, 'check.xml');
    const page = join(dir, 'check.html');
    const { code } = await runCli('check', 'bank-transfer/seed-exercise', '--junit', file, '--report', page);
    expect(code).toBe(1);
    const root = parseXml(readFileSync(file, 'utf8'));
    const [c] = cases(root);
    expect(c!.attrs).toMatchObject({ classname: 'moneysim.check', name: 'bank-transfer/seed-exercise' });
    const failure = findAll(c!, 'failure')[0]!;
    expect(failure.attrs).toMatchObject({ type: 'NoOverdraft', message: 'the external balance never goes negative' });
    expect(failure.text).toContain('replay: npx moneysim check bank-transfer/seed-exercise\n');
    expect(failure.text).toMatch(/State 1: <Initial predicate>/);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('<table class="states" id="states-table">');
    expect(html).toContain('INVARIANT NoOverdraft VIOLATED');
  });

  it('refuses a report that is not .html before searching (exit 2)', async () => {
    const { code, err } = await runCli('check', 'bank-transfer/seed-exercise', '--report', join(dir, 'x.txt'));
    expect(code).toBe(2);
    expect(err).toContain('--report must name a .html or .htm file');
  });
});

describe('JUnit XML text', () => {
  it('any names, messages and traces come back unchanged from a strict parse (control characters aside)', () => {
    const seed = testSeed('junit-xml');
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ unit: 'binary' }), (name, message, detail) => {
        const xml = junitXml('t', [{ name: 's', cases: [{ classname: 'c', name, failures: [{ invariant: 'Inv', message, replay: 'npx moneysim x', detail }] }] }]);
        const c = cases(parseXml(xml))[0]!;
        const keep = (s: string): string => s.replace(/\x1b\[[0-9;]*m|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '');
        expect(c.attrs.name).toBe(keep(name));
        expect(findAll(c, 'failure')[0]!.attrs.message).toBe(keep(message));
        expect(findAll(c, 'failure')[0]!.text).toContain(keep(detail).trimEnd());
      }),
      { seed, numRuns: 300 },
    );
  });
});
