/** The progress line appears only on an interactive terminal and is cleared afterwards. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../../cli/print.ts';

const original = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');

afterEach(() => {
  vi.restoreAllMocks();
  if (original !== undefined) Object.defineProperty(process.stderr, 'isTTY', original);
  else delete (process.stderr as { isTTY?: boolean }).isTTY;
});

function capture(): () => string {
  let err = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  return () => err;
}

describe('progressReporter', () => {
  it('writes nothing when stderr is not a terminal', () => {
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    const err = capture();
    const p = progressReporter('exploring', 0);
    p.update(10);
    p.clear();
    expect(err()).toBe('');
  });

  it('rewrites one line in place on a terminal, then erases it', () => {
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    const err = capture();
    const p = progressReporter('exploring', 0);
    p.update(10);
    p.clear();
    expect(err()).toMatch(/^\rexploring: 10 runs \(\d+\/s\)\x1b\[K\r\x1b\[K$/);
  });
});
