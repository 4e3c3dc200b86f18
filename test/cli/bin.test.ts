/** The installed entry point works as a separate process: exit codes reach the shell. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const moneysim = (...args: string[]) => spawnSync(process.execPath, ['bin/moneysim.js', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('bin/moneysim.js', () => {
  it('exits 1 on a naive violation and 0 on the reference design', () => {
    const naive = moneysim('explore', 'bank-transfer', '--design', 'naive', '--seeds', '200');
    expect(naive.status).toBe(1);
    expect(naive.stdout).toMatch(/^VIOLATION /);
    const reference = moneysim('explore', 'bank-transfer', '--seeds', '50');
    expect(reference.status).toBe(0);
  }, 60_000);

  it('exits 2 on bad input', () => {
    const r = moneysim('explore', 'nowhere');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown system "nowhere"');
  }, 30_000);
});
