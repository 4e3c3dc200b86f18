/** Sweep sizes beyond what moneysim runs are refused up front with exit 2, naming the flag. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';

describe('explore seed limits', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--seeds', '2147483648'], /--seeds must be at most 2147483647 \(2\^31 - 1\)/],
    [['--seeds', '99999999999999999999'], /--seeds is too large/],
    [['--seed-start', '9007199254740990', '--seeds', '10'], /--seed-start plus --seeds must stay within 9007199254740991/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const r = await runCli('explore', 'bank-transfer', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    });
  }
});
