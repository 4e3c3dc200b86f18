/**
 * The open-addressing fingerprint table against a reference Set, on random
 * sequences of 64-bit fingerprints with many repeats, starting from a tiny
 * capacity so that growth and rehashing are exercised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FingerprintSet } from '../../model/checker/fp-set.ts';
import { FingerprintTable } from '../../model/checker/fp-table.ts';
import { fingerprint } from '../../model/checker/fingerprint.ts';
import { testSeed } from './seed.ts';

describe('FingerprintTable', () => {
  it('behaves like a map from fingerprint to first index', () => {
    const seed = testSeed('fp-table');
    const fp = fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
    fc.assert(
      fc.property(fc.array(fc.oneof(fp, fc.tuple(fc.constant(0), fc.integer({ min: 0, max: 20 }))), { maxLength: 400 }), (fps) => {
        const table = new FingerprintTable(4);
        const reference = new Map<string, number>();
        fps.forEach(([hi, lo], i) => {
          const key = `${hi}:${lo}`;
          const expected = reference.has(key) ? reference.get(key)! : -1;
          expect(table.putIfAbsent(hi, lo, i)).toBe(expected);
          if (expected === -1) reference.set(key, i);
        });
        expect(table.size).toBe(reference.size);
        for (const [key, index] of reference) {
          const [hi, lo] = key.split(':').map(Number);
          expect(table.get(hi!, lo!)).toBe(index);
        }
        expect(table.get(99, 12345)).toBe(-1);
      }),
      { seed, numRuns: 200 },
    );
  });

  it('FingerprintSet behaves like a set of fingerprints, (0, 0) included', () => {
    const seed = testSeed('fp-set');
    const fp = fc.tuple(fc.integer({ min: -4, max: 4 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
    fc.assert(
      fc.property(fc.array(fc.oneof(fp, fc.tuple(fc.constant(0), fc.integer({ min: 0, max: 20 }))), { maxLength: 400 }), (fps) => {
        const set = new FingerprintSet(4);
        const reference = new Set<string>();
        for (const [hi, lo] of fps) {
          // (0, 0) and (0, 1) are one fingerprint to the set, by design.
          const key = hi === 0 && lo === 0 ? '0:1' : `${hi}:${lo}`;
          expect(set.putIfAbsent(hi, lo, 0)).toBe(reference.has(key) ? 0 : -1);
          reference.add(key);
        }
        expect(set.size).toBe(reference.size);
        expect(set.bytes).toBeGreaterThanOrEqual(set.size * 8);
      }),
      { seed, numRuns: 200 },
    );
  });

  it('fingerprints differ for states that differ in one word', () => {
    const seed = testSeed('fingerprint');
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.nat(), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (words, at, delta) => {
        const a = Uint32Array.from(words);
        const b = Uint32Array.from(words);
        const k = at % b.length;
        b[k] = (b[k]! + delta) >>> 0;
        const fa = new Int32Array(2);
        const fb = new Int32Array(2);
        fingerprint(a, 0, a.length, fa);
        fingerprint(b, 0, b.length, fb);
        expect(fa[0] === fb[0] && fa[1] === fb[1]).toBe(false);
      }),
      { seed, numRuns: 300 },
    );
  });
});
