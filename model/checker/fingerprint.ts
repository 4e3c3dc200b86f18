/**
 * 64-bit fingerprints of packed states, computed as two independent 32-bit
 * hashes (murmur3-style mixing with different seeds) over the state's words.
 *
 * Two halves are kept as separate 32-bit integers instead of a BigInt: BigInt
 * arithmetic allocates, and this function runs once per generated state.
 * The result is written to a two-element scratch array to avoid allocation.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixWord(h: number, w: number): number {
  let k = Math.imul(w, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalize(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

const SEED_HI = 0x9747b28c;
const SEED_LO = 0x5bd1e995;

/** Writes the fingerprint of `words` words of `src` starting at `at` into out[0] (high) and out[1] (low). */
export function fingerprint(src: Uint32Array, at: number, words: number, out: Int32Array): void {
  let hi = SEED_HI | 0;
  let lo = SEED_LO | 0;
  for (let i = 0; i < words; i++) {
    const w = src[at + i]! | 0;
    hi = mixWord(hi, w);
    // The low half sees each word rotated and offset by its position, so the halves do not collide together.
    lo = mixWord(lo, ((w << 7) | (w >>> 25)) ^ Math.imul(i + 1, 0x27d4eb2d));
  }
  out[0] = finalize(hi, words);
  out[1] = finalize(lo, words ^ 0x5f356495);
}
