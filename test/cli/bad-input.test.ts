/** Bad input exits 2 with a message naming the argument, before anything runs. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';

const CASES: Array<[string, string[], RegExp]> = [
  ['unknown system', ['explore', 'bank-transfr'], /<system>: unknown system "bank-transfr"/],
  ['unknown design', ['explore', 'bank-transfer', '--design', 'clever'], /--design: unknown design "clever"/],
  ['unknown scenario', ['run', 'bank-transfer/no-such'], /unknown scenario "no-such"/],
  ['scenario without system', ['run', 'happy-path'], /<system>\/<scenario>/],
  ['negative seed count', ['explore', 'bank-transfer', '--seeds', '-1'], /--seeds must be a non-negative integer/],
  ['zero seed count', ['explore', 'bank-transfer', '--seeds', '0'], /--seeds must be at least 1/],
  ['fractional seed', ['replay', 'bank-transfer', '--seed', '2.5'], /--seed must be a non-negative integer/],
  ['non-numeric seed start', ['explore', 'bank-transfer', '--seed-start', 'abc'], /--seed-start must be a non-negative integer/],
  ['bad trace format', ['run', 'bank-transfer/happy-path', '--trace', 'svg'], /--trace must be text, json or mermaid/],
  ['missing design module', ['explore', 'bank-transfer', '--design', './missing.ts'], /--design: no such file "\.\/missing\.ts"/],
  ['malformed design module', ['explore', 'bank-transfer', '--design', './test/fixtures/not-a-design.ts'], /--design: .* lacks create\(ports\)/],
  ['design module that throws', ['explore', 'bank-transfer', '--design', './test/fixtures/throws-on-import.ts'], /--design: cannot load/],
  ['unknown system for scenarios', ['scenarios', 'nope'], /unknown system "nope"/],
];

describe('bad input', () => {
  for (const [name, args, message] of CASES) {
    it(`${name}: exit 2 naming the argument`, async () => {
      const { code, err, out } = await runCli(...args);
      expect(code).toBe(2);
      expect(err).toMatch(message);
      expect(out).toBe('');
    });
  }

  it('an unknown flag is refused by the parser with exit 2', async () => {
    const { code, err } = await runCli('explore', 'bank-transfer', '--seedz', '3');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option '--seedz'/);
  });
});
