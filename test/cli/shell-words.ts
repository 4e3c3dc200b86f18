/**
 * Splits a printed command line into its words the way a real shell does, by
 * letting that shell do it: the line's words become printf's arguments, each
 * printed followed by a NUL. Globbing, quoting and escapes are the shell's own.
 */
import { spawnSync } from 'node:child_process';

export function shellWords(line: string, shell = 'sh'): { ok: true; words: string[] } | { ok: false; stderr: string } {
  const r = spawnSync(shell, ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8', cwd: '/' });
  if (r.status !== 0) return { ok: false, stderr: r.stderr };
  return { ok: true, words: r.stdout.split('\0').slice(0, -1) };
}

export function which(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).status === 0;
}

/** The moneysim arguments of a printed `npx moneysim ...` line, as sh parses them. */
export function moneysimArgs(line: string): string[] {
  const split = shellWords(line);
  if (!split.ok) throw new Error(`sh could not parse ${line}: ${split.stderr}`);
  if (split.words[0] !== 'npx' || split.words[1] !== 'moneysim') throw new Error(`not a moneysim line: ${line}`);
  return split.words.slice(2);
}
