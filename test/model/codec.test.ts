/**
 * Packing: the code generated from a layout agrees with the generic codec,
 * unpacking inverts packing, and a value outside its declared range is
 * reported with its slot rather than silently wrapped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pack, unpack } from '../../model/checker/codec.ts';
import { generateCodec } from '../../model/checker/codec-gen.ts';
import { computeLayout } from '../../model/checker/layout.ts';
import { array, int, queue, type Field, type ScalarField } from '../../model/checker/shape.ts';
import { testSeed } from './seed.ts';

const scalar: fc.Arbitrary<ScalarField> = fc
  .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 2 ** 20 }))
  .map(([lo, span]) => int(lo, lo + span));
const field: fc.Arbitrary<Field> = fc.oneof(
  scalar,
  fc.tuple(fc.integer({ min: 1, max: 5 }), scalar).map(([n, f]) => array(n, f)),
  fc.tuple(fc.integer({ min: 1, max: 4 }), scalar).map(([n, f]) => queue(n, f)),
);
const shape = fc.array(field, { minLength: 1, maxLength: 8 }).map((fs) => Object.fromEntries(fs.map((f, i) => [`v${i}`, f])));

describe('codec', () => {
  it('generated and generic packing agree and round-trip', () => {
    const seed = testSeed('codec');
    fc.assert(
      fc.property(shape, fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), (sh, randoms) => {
        const layout = computeLayout(sh);
        const codec = generateCodec(layout);
        const it = randoms[Symbol.iterator]();
        const buf = Int32Array.from({ length: layout.width }, (_, i) => {
          const lo = layout.slotLo[i]!;
          return lo + Math.floor(it.next().value! * (layout.slotHi[i]! - lo + 1));
        });
        const a = new Uint32Array(layout.words);
        const b = new Uint32Array(layout.words);
        expect(pack(layout, buf, a, 0)).toBe(-1);
        expect(codec.pack(buf, b, 0)).toBe(-1);
        expect(Array.from(b)).toEqual(Array.from(a));
        const back = new Int32Array(layout.width);
        codec.unpack(b, 0, back);
        expect(Array.from(back)).toEqual(Array.from(buf));
        unpack(layout, a, 0, back);
        expect(Array.from(back)).toEqual(Array.from(buf));
      }),
      { seed, numRuns: 200 },
    );
  });

  it('reports the first slot outside its range', () => {
    const layout = computeLayout({ a: int(0, 3), b: int(-5, 5) });
    const codec = generateCodec(layout);
    const out = new Uint32Array(layout.words);
    expect(codec.pack(Int32Array.from([3, 6]), out, 0)).toBe(1);
    expect(codec.pack(Int32Array.from([-1, 0]), out, 0)).toBe(0);
    expect(pack(layout, Int32Array.from([2, -6]), out, 0)).toBe(1);
  });
});
