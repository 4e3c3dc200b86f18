/**
 * Slot layout and bit packing derived from a declared shape.
 *
 * Every scalar becomes one Int32 slot of the working buffer. For storage each
 * slot is offset by its lower bound and packed into as few bits as its range
 * needs; slots never straddle a 32-bit word, so packing and unpacking are a
 * shift and a mask. A state of the reference model fits in a handful of words,
 * which keeps both the state store and the fingerprint input small.
 */
import { type Field, type Shape, scalarRange } from './shape.ts';

export interface FieldLayout {
  readonly name: string;
  readonly field: Field;
  /** First slot of this field in the working buffer. */
  readonly offset: number;
  readonly slots: number;
}

export interface Layout {
  readonly fields: readonly FieldLayout[];
  /** Number of Int32 slots in the working buffer. */
  readonly width: number;
  /** Number of Uint32 words in a packed state. */
  readonly words: number;
  readonly slotLo: Int32Array;
  readonly slotHi: Int32Array;
  readonly slotWord: Int32Array;
  readonly slotShift: Int32Array;
  readonly slotMask: Uint32Array;
  /** Which field each slot belongs to, for range-error messages. */
  readonly slotField: Int32Array;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);

function bitsFor(span: number): number {
  let bits = 0;
  while (bits < 32 && 2 ** bits <= span) bits++;
  return Math.max(bits, 1);
}

function slotRanges(field: Field): { lo: number; hi: number }[] {
  switch (field.kind) {
    case 'int':
    case 'enum':
      return [scalarRange(field)];
    case 'array':
      return Array.from({ length: field.length }, () => scalarRange(field.of));
    case 'queue':
      return [{ lo: 0, hi: field.capacity }, ...Array.from({ length: field.capacity }, () => scalarRange(field.of))];
  }
}

export function computeLayout(shape: Shape): Layout {
  const fields: FieldLayout[] = [];
  const ranges: { lo: number; hi: number; field: number }[] = [];
  for (const [name, field] of Object.entries(shape)) {
    // The names become accessors of a generated class, so a few JavaScript names are off limits.
    if (!IDENTIFIER.test(name) || name.startsWith('$') || RESERVED.has(name)) throw new Error(`state variable name "${name}" is not usable (plain identifiers only, not ${[...RESERVED].join(', ')})`);
    const rs = slotRanges(field);
    fields.push({ name, field, offset: ranges.length, slots: rs.length });
    for (const r of rs) ranges.push({ ...r, field: fields.length - 1 });
  }
  const width = ranges.length;
  const slotLo = new Int32Array(width);
  const slotHi = new Int32Array(width);
  const slotWord = new Int32Array(width);
  const slotShift = new Int32Array(width);
  const slotMask = new Uint32Array(width);
  const slotField = new Int32Array(width);
  let word = 0;
  let used = 0;
  ranges.forEach((r, i) => {
    const bits = bitsFor(r.hi - r.lo);
    if (bits > 31) throw new Error(`variable "${fields[r.field]!.name}" has a range too wide to pack`);
    if (used + bits > 32) {
      word++;
      used = 0;
    }
    slotLo[i] = r.lo;
    slotHi[i] = r.hi;
    slotWord[i] = word;
    slotShift[i] = used;
    slotMask[i] = (2 ** bits - 1) >>> 0;
    slotField[i] = r.field;
    used += bits;
  });
  return { fields, width, words: width === 0 ? 1 : word + 1, slotLo, slotHi, slotWord, slotShift, slotMask, slotField };
}

/** Fills a working buffer with each slot's lowest value: the blank state a model's init starts from. */
export function blank(layout: Layout, buf: Int32Array): void {
  buf.set(layout.slotLo);
}
