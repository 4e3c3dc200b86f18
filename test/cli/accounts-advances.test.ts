/**
 * accounts-advances from the command line: the naive design fails a default
 * sweep and its printed seed and shrunk replay lines reproduce the
 * violation; the reference passes a short sweep; world options are
 * validated with exit 2 naming the option; a user's design module in a
 * temporary folder runs, and one lacking a role is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';
import { moneysimArgs } from './shell-words.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'moneysim-advances-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('moneysim explore accounts-advances', () => {
  it('naive fails a sweep; its seed line and its shrunk line reproduce the same invariant', async () => {
    const r = await runCli('explore', 'accounts-advances', '--design', 'naive', '--seeds', '10', '--shrink-runs', '100', '--json');
    expect(r.code).toBe(1);
    const v = JSON.parse(r.out).violation;
    for (const line of [v.replay, v.shrunk.replay]) {
      const replayed = await runCli(...moneysimArgs(line), '--json');
      expect(replayed.code, line).toBe(1);
      expect(JSON.parse(replayed.out).violation.invariant, line).toBe(v.invariant);
    }
  }, 60_000);

  it('the reference passes a short sweep at serializable, and its replay line carries the level', async () => {
    const r = await runCli('explore', 'accounts-advances', '--seeds', '5', '--option', 'isolation=serializable');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ok: no invariant violated in 5 seeds/);
    expect(r.out).toMatch(/replay accounts-advances --design reference --seed \d+ --option isolation=serializable/);
  }, 60_000);

  it('refuses a bad world option with exit 2, naming it', async () => {
    const bad = await runCli('explore', 'accounts-advances', '--option', 'isolation=snapshot');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--option isolation must be read-committed or repeatable-read or serializable, got "snapshot"/);
    const exhaustiveOnly = await runCli('explore', 'accounts-advances', '--option', 'workers=3');
    expect(exhaustiveOnly.code).toBe(2);
    expect(exhaustiveOnly.err).toMatch(/option "workers" shapes only the exhaustive world/);
    const tooMany = await runCli('explore', 'accounts-advances', '--strategy', 'exhaustive', '--option', 'workers=4');
    expect(tooMany.code).toBe(2);
    expect(tooMany.err).toMatch(/--option workers must be between 1 and 3, got 4/);
  });

  it("runs a user's design module from a temporary folder; refuses one lacking a role", async () => {
    const reference = join(ROOT, 'impl/accounts-advances/reference/reference-design.ts');
    const mine = join(dir, 'my-design.ts');
    writeFileSync(mine, `import { referenceDesign } from '${reference}';\nexport default { ...referenceDesign, name: 'mine' };\n`);
    const ok = await runCli('explore', 'accounts-advances', '--design', mine, '--seeds', '3');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/ok: no invariant violated in 3 seeds/);
    const partial = join(dir, 'partial.ts');
    writeFileSync(partial, `import { referenceDesign } from '${reference}';\nexport default { ...referenceDesign, worker: undefined };\n`);
    const refused = await runCli('explore', 'accounts-advances', '--design', partial);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('lacks worker(ports) (worker(ports), a function returning a worker)');
  }, 60_000);
});
