/**
 * Printed command lines survive the shell: every argument a replay line
 * carries comes back exactly from sh (and from zsh, where it is installed),
 * whatever characters it holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellLine, shellQuote } from '../../cli/format/shell-quote.ts';
import { recipeReplayLine, seedReplayLine } from '../../cli/format/replay-line.ts';
import { shellWords, which } from './shell-words.ts';

const HAS_ZSH = which('zsh');
const awkward = ['0.1.1.0*q.1~56', './my designs/it\'s.ts', '$HOME', '`id`', 'a;b', '~user', '!x', '[a]', '{a,b}', '#c', '', 'x\ny', '"q"', '\\'];

describe('shellQuote', () => {
  it('leaves plain arguments bare and quotes the rest', () => {
    expect(shellQuote('--design')).toBe('--design');
    expect(shellQuote('./examples/bank-transfer/my-coordinator.ts')).toBe('./examples/bank-transfer/my-coordinator.ts');
    expect(shellQuote('EXPIRY=FALSE')).toBe('EXPIRY=FALSE');
    expect(shellQuote('0.1.1.0*q.1~56')).toBe("'0.1.1.0*q.1~56'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  it('sh gives back every awkward argument exactly', () => {
    const split = shellWords(shellLine(awkward));
    expect(split).toEqual({ ok: true, words: awkward });
  });

  it('sh gives back any string without NUL exactly (fast-check)', () => {
    const seed = Date.now() % 2 ** 31;
    console.log(`fast-check seed ${seed}`);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !s.includes('\0')), { minLength: 1, maxLength: 6 }), (args) => {
        expect(shellWords(shellLine(args))).toEqual({ ok: true, words: args });
      }),
      { seed, numRuns: 60 },
    );
  });

  it('a replay line with a starred vector and an awkward design path splits back into the exact arguments', () => {
    const line = recipeReplayLine('bank-transfer', "./my designs/it's.ts", { seed: 0, world: 'swarm', choices: [0, 1, 1, ...Array(26).fill(0), 1] }, 56);
    expect(line).toBe(`npx moneysim replay bank-transfer --design './my designs/it'\\''s.ts' --choices '0.1.1.0*q.1~56'`);
    expect(shellWords(line)).toEqual({ ok: true, words: ['npx', 'moneysim', 'replay', 'bank-transfer', '--design', "./my designs/it's.ts", '--choices', '0.1.1.0*q.1~56'] });
    expect(seedReplayLine('bank-transfer', 'naive', 7, { kind: 'pct', depth: 3, stepsEstimate: 50 })).toBe(
      'npx moneysim replay bank-transfer --design naive --seed 7 --strategy pct --pct-depth 3 --pct-steps 50',
    );
  });

  it.skipIf(!HAS_ZSH)('zsh gives back every awkward argument exactly', () => {
    expect(shellWords(shellLine(awkward), 'zsh')).toEqual({ ok: true, words: awkward });
  });

  it.runIf(!HAS_ZSH)('zsh is not installed here: the zsh check above is skipped (sh was checked)', () => {
    console.log('zsh not installed: skipping the zsh part of the shell-quoting test');
    expect(HAS_ZSH).toBe(false);
  });
});
