/**
 * Packing a working buffer into words and back (see layout.ts).
 *
 * pack() also enforces the declared domains: a value outside its variable's
 * range is a modelling error, and silently wrapping it would merge distinct
 * states, so the slot is reported and the search stops.
 */
import type { Layout } from './layout.ts';

/** Packs `buf` into `out[at .. at + words)`; returns -1, or the first slot whose value is out of range. */
export function pack(layout: Layout, buf: Int32Array, out: Uint32Array, at: number): number {
  const { width, words, slotLo, slotHi, slotWord, slotShift } = layout;
  for (let w = 0; w < words; w++) out[at + w] = 0;
  for (let i = 0; i < width; i++) {
    const v = buf[i]!;
    const lo = slotLo[i]!;
    if (v < lo || v > slotHi[i]! || v !== (v | 0)) return i;
    out[at + slotWord[i]!] |= (v - lo) << slotShift[i]!;
  }
  return -1;
}

export function unpack(layout: Layout, src: Uint32Array, at: number, buf: Int32Array): void {
  const { width, slotLo, slotWord, slotShift, slotMask } = layout;
  for (let i = 0; i < width; i++) {
    buf[i] = ((src[at + slotWord[i]!]! >>> slotShift[i]!) & slotMask[i]!) + slotLo[i]!;
  }
}

export function sameWords(a: Uint32Array, aAt: number, b: Uint32Array, bAt: number, words: number): boolean {
  for (let w = 0; w < words; w++) if (a[aAt + w] !== b[bAt + w]) return false;
  return true;
}
