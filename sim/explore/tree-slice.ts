/**
 * Deterministic slices of a choice tree, for splitting exhaustive
 * exploration over shards and worker threads. A path prefix is hashed with
 * each slice's salt; a slice owns the prefix when the hash falls in its
 * residue class. Slices of one split (same salt and count, indexes 1..count)
 * partition every set of prefixes; a worker slice nested in a shard slice
 * uses another salt, so the two splits are independent.
 */
export interface TreeSlice {
  /** 1-based. */
  index: number;
  count: number;
  salt: number;
}

/** Subtrees are assigned to slices at this depth of branching choices. */
export const SPLIT_DEPTH_CHOICES = 6;

function hashPath(values: readonly number[], salt: number): number {
  // FNV-1a over the values and the salt; 32-bit, stable across platforms.
  let h = 0x811c9dc5 ^ salt;
  for (const v of values) {
    h = Math.imul(h ^ (v + 1), 0x01000193) >>> 0;
  }
  h = Math.imul(h ^ values.length, 0x01000193) >>> 0;
  return h;
}

export function ownsPath(values: readonly number[], slices: readonly TreeSlice[]): boolean {
  for (const s of slices) if (hashPath(values, s.salt) % s.count !== s.index - 1) return false;
  return true;
}
