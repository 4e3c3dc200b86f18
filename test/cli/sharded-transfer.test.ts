/**
 * sharded-transfer from the command line: the naive design fails a default
 * sweep and its printed replay line reproduces the violation; world options
 * are validated with exit 2 naming the option; a user's design module in a
 * temporary folder runs, and one that does not name its system is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';
import { moneysimArgs } from './shell-words.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'moneysim-sharded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('moneysim explore sharded-transfer', () => {
  it('naive fails a sweep; its seed line and its shrunk line (quoted for zsh) reproduce the same invariant', async () => {
    const r = await runCli('explore', 'sharded-transfer', '--design', 'naive', '--seeds', '20', '--json');
    expect(r.code).toBe(1);
    const v = JSON.parse(r.out).violation;
    for (const line of [v.replay, v.shrunk.replay]) {
      const replayed = await runCli(...moneysimArgs(line), '--json');
      expect(replayed.code, line).toBe(1);
      expect(JSON.parse(replayed.out).violation.invariant, line).toBe(v.invariant);
    }
  }, 60_000);

  it('a seed replay line carries the isolation level it ran at', async () => {
    const r = await runCli('explore', 'sharded-transfer', '--design', 'naive', '--seeds', '5', '--option', 'isolation=serializable');
    expect(r.out).toMatch(/replay: npx moneysim replay sharded-transfer --design naive --seed \d+ --option isolation=serializable --option stubMode=stateless/);
  }, 60_000);

  it('refuses a bad world option with exit 2, naming it', async () => {
    const bad = await runCli('explore', 'sharded-transfer', '--option', 'isolation=snapshot');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--option isolation must be read-committed or repeatable-read or serializable, got "snapshot"/);
    const exhaustiveOnly = await runCli('explore', 'sharded-transfer', '--option', 'transfers=3');
    expect(exhaustiveOnly.code).toBe(2);
    expect(exhaustiveOnly.err).toMatch(/option "transfers" shapes only the exhaustive world/);
    const huge = await runCli('explore', 'sharded-transfer', '--strategy', 'exhaustive', '--option', 'transfers=99999999999999999999');
    expect([huge.code, huge.err]).toEqual([2, expect.stringMatching(/--option transfers must be between 1 and 4, got 99999999999999999999/)]);
    const twice = await runCli('replay', 'sharded-transfer', '--seed', '3', '--option', 'stubMode=durable', '--option', 'stubMode=stateless');
    expect([twice.code, twice.err]).toEqual([2, expect.stringMatching(/--option stubMode is given twice/)]);
  });

  it("runs a user's design module from a temporary folder; refuses one that does not name its system", async () => {
    const reference = join(ROOT, 'impl/sharded-transfer/reference/reference-node.ts');
    const mine = join(dir, 'my-node.ts');
    writeFileSync(mine, `import { referenceDesign } from '${reference}';\nexport default { ...referenceDesign, name: 'mine' };\n`);
    const ok = await runCli('explore', 'sharded-transfer', '--design', mine, '--seeds', '10');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/ok: no invariant violated in 10 seeds/);
    const anonymous = join(dir, 'anonymous.ts');
    writeFileSync(anonymous, `import { referenceDesign } from '${reference}';\nexport default { name: 'x', create: referenceDesign.create };\n`);
    const refused = await runCli('explore', 'sharded-transfer', '--design', anonymous);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("lacks system (the string 'sharded-transfer')");
  }, 60_000);
});
