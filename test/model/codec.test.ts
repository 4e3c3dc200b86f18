/**
 * Packing: the code generated from a layout agrees with the generic codec
 * on random shapes (records, arrays of records, queues, sets), unpacking
 * inverts packing, copy makes views equal, and a value of the wrong kind or
 * outside its range is reported with its slot rather than silently wrapped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pack, unpack } from '../../model/checker/codec.ts';
import { generateCodec } from '../../model/checker/codec-gen.ts';
import { recordTypeId, viewFactory } from '../../model/checker/facade.ts';
import { computeLayout } from '../../model/checker/layout.ts';
import { array, boolean, bool, int, labels, oneOf, queue, record, setOf, type Field, type RecordField, type ScalarField } from '../../model/checker/shape.ts';
import { testSeed } from './seed.ts';

const Color = labels('red', 'green', 'blue');
const scalar: fc.Arbitrary<ScalarField> = fc.oneof(
  fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 2 ** 20 })).map(([lo, span]) => int(lo, lo + span)),
  fc.constant(oneOf(Color)),
  fc.constant(boolean()),
  fc.constant(bool()),
);
const small: fc.Arbitrary<ScalarField> = fc.oneof(fc.integer({ min: -3, max: 3 }).map((lo) => int(lo, lo + 2)), fc.constant(oneOf(Color)), fc.constant(boolean()));
const flatRecord = fc.array(small, { minLength: 1, maxLength: 3 }).map((fs) => record(Object.fromEntries(fs.map((f, i) => [`f${i}`, f]))));
const field: fc.Arbitrary<Field> = fc.oneof(
  scalar,
  fc.tuple(fc.integer({ min: 1, max: 4 }), scalar).map(([n, f]) => array(n, f)),
  fc.tuple(fc.integer({ min: 1, max: 3 }), flatRecord).map(([n, r]) => array(n, record({ a: r.fields.f0!, inner: array(2, r) }))),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.oneof(scalar, flatRecord)).map(([n, f]) => queue(n, f)),
  fc.oneof(small, flatRecord).map((f) => setOf(f)),
);
const shape = fc.array(field, { minLength: 1, maxLength: 6 }).map((fs) => Object.fromEntries(fs.map((f, i) => [`v${i}`, f])));

function codecFor(sh: Record<string, Field>) {
  const layout = computeLayout(sh);
  return { layout, codec: generateCodec(layout, (node) => recordTypeId(node.field as RecordField)), newView: viewFactory(layout, { guardArrays: true }) };
}

describe('codec', () => {
  it('generated and generic packing agree and round-trip through views', () => {
    const seed = testSeed('codec');
    fc.assert(
      fc.property(shape, fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), (sh, randoms) => {
        const { layout, codec, newView } = codecFor(sh);
        const it = randoms[Symbol.iterator]();
        const slots = Int32Array.from({ length: layout.width }, (_, i) => {
          const lo = layout.slotLo[i]!;
          return lo + Math.floor(it.next().value! * (layout.slotHi[i]! - lo + 1));
        });
        // Queues keep unused slots blank; the generic packing of a random vector need not, so blank them first.
        const words = new Uint32Array(layout.words);
        expect(pack(layout, slots, words, 0)).toBe(-1);
        const view = newView();
        codec.unpack(words, 0, view);
        const again = new Uint32Array(layout.words);
        expect(codec.pack(view, again, 0)).toBe(-1);
        expect(Array.from(again)).toEqual(Array.from(words));
        const back = new Int32Array(layout.width);
        unpack(layout, again, 0, back);
        expect(Array.from(back)).toEqual(Array.from(slots));
        const other = newView();
        codec.copy(view, other);
        expect(codec.same(view, other)).toBe(-1);
      }),
      { seed, numRuns: 200 },
    );
  });

  it('reports the slot of a value out of range or of the wrong kind', () => {
    const Pc = labels('idle', 'busy');
    const { codec, newView } = codecFor({ a: int(0, 3), b: int(-5, 5), pc: oneOf(Pc), on: boolean(), xs: array(2, int(0, 1)) });
    const out = new Uint32Array(4);
    const at = (change: (v: Record<string, unknown>) => void): number => {
      const v = newView();
      change(v);
      return codec.pack(v, out, 0);
    };
    expect(at(() => {})).toBe(-1);
    expect(at((v) => (v['b'] = 6))).toBe(1);
    expect(at((v) => (v['a'] = -1))).toBe(0);
    expect(at((v) => (v['a'] = 1.5))).toBe(0);
    expect(at((v) => (v['a'] = Number.NaN))).toBe(0);
    expect(at((v) => (v['a'] = 2 ** 32 + 1))).toBe(0);
    expect(at((v) => (v['pc'] = 'busy'))).toBe(2);
    expect(at((v) => (v['a'] = true))).toBe(0);
    expect(at((v) => (v['on'] = 1))).toBe(3);
    expect(at((v) => (v['on'] = true))).toBe(-1);
    expect(at((v) => ((v['xs'] as number[]).length = 1))).toBeLessThan(-1);
  });

  it('catches a misspelt field, an index outside an array, and a replaced composite where they happen', () => {
    const { codec, newView } = codecFor({ balance: int(0, 9), xs: array(2, int(0, 1)), acct: array(2, record({ limit: int(0, 3) })) });
    const v = newView() as Record<string, unknown>;
    expect(() => v['balanse']).toThrow('the state has no variable "balanse" (variables: balance, xs, acct)');
    expect(() => (v['balanse'] = 1)).toThrow(/no variable "balanse"/);
    expect(() => (v['xs'] as number[])[2]).toThrow('xs[2]: index outside 0..1');
    expect(() => ((v['xs'] as number[])[-1] = 0)).toThrow('xs[-1]: index outside 0..1');
    expect(() => (v['xs'] = [0, 0])).toThrow(/xs is an array/);
    (v['acct'] as unknown[])[0] = { limit: 1 };
    expect(codec.pack(v, new Uint32Array(2), 0)).toBeLessThan(-1);
    expect(codec.structures.join('\n')).toContain('replaced by assignment');
  });
});
