/**
 * Options every command shares: `--version` prints the package's version,
 * and colour follows `--color` / `--no-color` on any command, then a
 * non-empty NO_COLOR, then the terminal.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../cli/color-level.ts';
import { runCli } from '../support/cli-harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ESC = '\u001b[';
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('--version', () => {
  it('prints the version from package.json and exits 0', async () => {
    const { code, out } = await runCli('--version');
    expect(code).toBe(0);
    expect(out).toBe(`${version}\n`);
  });
});

describe('colour', () => {
  const COMMANDS: string[][] = [
    ['list'],
    ['run', 'bank-transfer/happy-path'],
    ['scenarios', 'bank-transfer'],
    ['explore', 'bank-transfer', '--seeds', '3'],
    ['replay', 'bank-transfer', '--seed', '1'],
    ['check', 'bank-transfer/seed-exercise'],
  ];
  for (const args of COMMANDS) {
    it(`${args[0]} accepts --no-color (no escape codes) and --color (escape codes)`, async () => {
      const plain = await runCli(...args, '--no-color');
      expect(plain.code).toBeLessThan(2);
      expect(plain.out + plain.err).not.toContain(ESC);
      const coloured = await runCli(...args, '--color');
      expect(coloured.code).toBe(plain.code);
      expect(coloured.out).toContain(ESC);
    }, 30_000);
  }

  it('the last colour flag wins, flags beat NO_COLOR, and an empty NO_COLOR is no request', () => {
    expect(colorLevel(['list', '--color', '--no-color'], {}, 3)).toBe(0);
    expect(colorLevel(['--no-color', 'list', '--color'], { NO_COLOR: '1' }, 0)).toBe(1);
    expect(colorLevel(['list'], { NO_COLOR: '1' }, 3)).toBe(0);
    expect(colorLevel(['list'], { NO_COLOR: '' }, 2)).toBe(2);
    expect(colorLevel(['run', '--', '--no-color'], {}, 2)).toBe(2);
  });

  it('NO_COLOR=1 turns colour off in a real process even where FORCE_COLOR asks for it', () => {
    const spawn = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['bin/moneysim.js', 'list'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } });
    const forced = spawn({ FORCE_COLOR: '1' });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain(ESC);
    const off = spawn({ FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(off.status).toBe(0);
    expect(off.stdout).not.toContain(ESC);
    expect(off.stdout).toContain('bank-transfer [ready]');
  }, 30_000);
});
