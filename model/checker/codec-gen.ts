/**
 * Specialised packing code generated from a layout.
 *
 * The generic pack/unpack in codec.ts loop over per-slot tables. Here the
 * same work is emitted as straight-line JavaScript with every offset, shift
 * and bound a literal, and each word accumulated in a local before a single
 * store. This is where the declared shape pays off: the model stays object
 * style while the checker runs code as if written by hand for that state.
 * Tests check it against the generic codec on random states.
 */
import type { Layout } from './layout.ts';

export type PackFn = (buf: Int32Array, out: Uint32Array, at: number) => number;
export type UnpackFn = (src: Uint32Array, at: number, buf: Int32Array) => void;

export interface Codec {
  readonly pack: PackFn;
  readonly unpack: UnpackFn;
}

export function generateCodec(layout: Layout): Codec {
  const { width, words, slotLo, slotHi, slotWord, slotShift, slotMask } = layout;
  const packBody: string[] = ['let v = 0;'];
  for (let w = 0; w < words; w++) packBody.push(`let w${w} = 0;`);
  for (let i = 0; i < width; i++) {
    const lo = slotLo[i]!;
    const span = slotHi[i]! - lo;
    // One unsigned comparison checks both bounds.
    packBody.push(`v = (buf[${i}] - (${lo})) | 0; if ((v >>> 0) > ${span}) return ${i}; w${slotWord[i]} |= v << ${slotShift[i]};`);
  }
  for (let w = 0; w < words; w++) packBody.push(`out[at + ${w}] = w${w};`);
  packBody.push('return -1;');
  const unpackBody: string[] = [];
  for (let w = 0; w < words; w++) unpackBody.push(`const w${w} = src[at + ${w}];`);
  for (let i = 0; i < width; i++) {
    unpackBody.push(`buf[${i}] = ((w${slotWord[i]} >>> ${slotShift[i]}) & ${slotMask[i]}) + (${slotLo[i]});`);
  }
  const pack = new Function('buf', 'out', 'at', packBody.join('\n')) as PackFn;
  const unpack = new Function('src', 'at', 'buf', unpackBody.join('\n')) as UnpackFn;
  return { pack, unpack };
}
