/**
 * fund-investment from the command line: the naive design fails a short
 * sweep and its printed replay lines reproduce the violation; a replay line
 * carries the world options it ran with; world options are validated with
 * exit 2 naming the option; a user's design module in a temporary folder
 * runs, and one that does not name its system is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';
import { moneysimArgs } from './shell-words.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'moneysim-fund-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('moneysim explore fund-investment', () => {
  it('naive fails a sweep (seeds 1..5); its seed line and its shrunk line reproduce the same invariant', async () => {
    const r = await runCli('explore', 'fund-investment', '--design', 'naive', '--seeds', '5', '--shrink-runs', '60', '--json');
    expect(r.code).toBe(1);
    const v = JSON.parse(r.out).violation;
    for (const line of [v.replay, v.shrunk.replay]) {
      const replayed = await runCli(...moneysimArgs(line), '--json');
      expect(replayed.code, line).toBe(1);
      expect(JSON.parse(replayed.out).violation.invariant, line).toBe(v.invariant);
    }
  }, 60_000);

  it('a seed replay line carries the isolation level and the investor service mode', async () => {
    const r = await runCli('explore', 'fund-investment', '--design', 'naive', '--seeds', '10', '--shrink-runs', '10', '--option', 'isolation=serializable', '--option', 'investorMode=non-idempotent');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/replay: npx moneysim replay fund-investment --design naive --seed \d+ --option isolation=serializable --option investorMode=non-idempotent/);
  }, 60_000);

  it('refuses a bad world option with exit 2, naming it', async () => {
    const bad = await runCli('explore', 'fund-investment', '--option', 'investorMode=sometimes');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--option investorMode must be mixed or idempotent or non-idempotent, got "sometimes"/);
    const exhaustiveOnly = await runCli('explore', 'fund-investment', '--option', 'investments=3');
    expect(exhaustiveOnly.code).toBe(2);
    expect(exhaustiveOnly.err).toMatch(/option "investments" shapes only the exhaustive world/);
  });

  it("runs a user's design module from a temporary folder; refuses one that does not name its system", async () => {
    const reference = join(ROOT, 'impl/fund-investment/reference/reference-node.ts');
    const mine = join(dir, 'my-node.ts');
    writeFileSync(mine, `import { referenceDesign } from '${reference}';\nexport default { ...referenceDesign, name: 'mine' };\n`);
    const ok = await runCli('explore', 'fund-investment', '--design', mine, '--seeds', '10');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/ok: no invariant violated in 10 seeds/);
    const anonymous = join(dir, 'anonymous.ts');
    writeFileSync(anonymous, `import { referenceDesign } from '${reference}';\nexport default { name: 'x', create: referenceDesign.create };\n`);
    const refused = await runCli('explore', 'fund-investment', '--design', anonymous);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("lacks system (the string 'fund-investment')");
  }, 60_000);
});
