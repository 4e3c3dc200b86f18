/**
 * Users' own design modules load wherever they live: copies of the example
 * designs are placed in fresh directories outside the repository (with and
 * without a package.json that says nothing about ES modules) and run through
 * the real entry point, so that Node's own module loader is what is tested.
 * Broken modules are refused with exit 2 and a message that says where.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const moneysim = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/moneysim.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

const dirs: string[] = [];
function freshDir(packageJson?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'moneysim-design-'));
  dirs.push(dir);
  if (packageJson !== undefined) writeFileSync(join(dir, 'package.json'), JSON.stringify(packageJson));
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The example with its type-only import pointed at this checkout by absolute path. */
function exampleOutsideRepo(dir: string): string {
  const source = readFileSync(join(ROOT, 'examples/bank-transfer/my-coordinator.ts'), 'utf8');
  const contract = join(ROOT, 'impl/bank-transfer/contract.ts');
  const fixed = source.replace("from '../../impl/bank-transfer/contract.ts'", `from '${contract}'`);
  expect(fixed).not.toBe(source);
  const file = join(dir, 'my-coordinator.ts');
  writeFileSync(file, fixed);
  return file;
}

/**
 * The hole (a credit rejected for good is never sent back) is pinned by the
 * scenario that rejects the credit; `explore` must also fail on the design,
 * by whichever invariant its first failing seed breaks.
 */
function expectHoleFound(design: string): void {
  const scenario = moneysim('run', 'bank-transfer/credit-rejected-antifraud', '--design', design);
  expect(scenario.stderr).toBe('');
  expect(scenario.status).toBe(1);
  expect(scenario.stdout).toMatch(/^VIOLATION NoOrphanedMoney seed 1/m);
  expect(scenario.stdout).toContain('left the external account, is neither credited nor returned');
}

function expectExploreFails(design: string): void {
  const r = moneysim('explore', 'bank-transfer', '--design', design, '--seeds', '50');
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/^VIOLATION \w+ seed \d+/);
  expect(r.stdout).toContain(`--design ${design}`);
}

describe('design modules outside the repository', () => {
  it('loads a copy of the example from a temp directory and finds its hole', () => {
    const design = exampleOutsideRepo(freshDir());
    expectHoleFound(design);
    expectExploreFails(design);
  }, 60_000);

  it('loads it from a project whose package.json has no "type" field', () => {
    expectHoleFound(exampleOutsideRepo(freshDir({ name: 'mine' })));
  }, 60_000);

  it('loads a plain .mjs design and the same code as a .js file', () => {
    const dir = freshDir({ name: 'mine' });
    const mjs = join(dir, 'coordinator.mjs');
    const js = join(dir, 'coordinator.js');
    copyFileSync(join(ROOT, 'test/fixtures/designs/plain-coordinator.mjs'), mjs);
    copyFileSync(mjs, js);
    expectHoleFound(mjs);
    expectHoleFound(js);
  }, 60_000);
});

describe('design modules that do not load', () => {
  it('shows file, line, column and message of a TypeScript syntax error', () => {
    const file = join(freshDir(), 'broken.ts');
    writeFileSync(file, ['export const design = {', "  name: 'broken',", '  create(ports) {', '    return { start() {} ;', '  },', '};', ''].join('\n'));
    const r = moneysim('explore', 'bank-transfer', '--design', file);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`--design: cannot load "${file}": syntax error at ${file}:4:25: Expected "}" but found ";"`);
    expect(r.stderr).not.toContain('Transform failed');
  }, 30_000);

  it('shows file, line, column and message of a JavaScript syntax error', () => {
    const file = join(freshDir(), 'broken.mjs');
    writeFileSync(file, ['export const design = {', "  name: 'broken',", '  create( { return 1; },', '};', ''].join('\n'));
    const r = moneysim('explore', 'bank-transfer', '--design', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`syntax error at ${file}:3:20: Unexpected number`);
  }, 30_000);

  it('shows the message and the location of an error thrown on import', () => {
    const file = join(freshDir(), 'throws.ts');
    writeFileSync(file, ['function readSettings(): never {', "  throw new Error('settings file missing');", '}', 'readSettings();', 'export const design = {};', ''].join('\n'));
    const r = moneysim('explore', 'bank-transfer', '--design', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--design: cannot load "${file}": settings file missing`);
    expect(r.stderr).toContain(`at readSettings (${file}:2:9)`);
    expect(r.stderr).toContain(`(${file}:4:1)`);
  }, 30_000);
});
