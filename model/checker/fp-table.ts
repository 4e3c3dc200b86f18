/**
 * The visited set: an open-addressing hash table (linear probing) from 64-bit
 * fingerprints to state indices, in one Int32Array of four-cell slots.
 *
 * Map and Set are avoided on purpose: they allocate per entry and V8 caps them
 * at 2^24 entries, while a model checker routinely holds tens of millions of
 * states. The table doubles when it is half full, which keeps probe chains
 * short.
 */

import type { VisitedSet } from './visited.ts';

export class FingerprintTable implements VisitedSet {
  /** Slot k occupies cells [4k, 4k + 4): fingerprint high half, low half, state index + 1 (0 when empty), padding. */
  private cells: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.cells = FingerprintTable.emptyCells(cap);
    this.mask = cap - 1;
  }

  // One slot's three fields share a cache line, so a probe costs one memory access, not three.
  // Storing index + 1 makes a fresh zero-filled array an empty table, with no initialisation pass.
  private static emptyCells(cap: number): Int32Array {
    return new Int32Array(cap * 4);
  }

  get size(): number {
    return this.count;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  get bytes(): number {
    return this.cells.byteLength;
  }

  get growthBytes(): number {
    return (this.count + 1 + (this.capacity >> 5)) * 2 > this.capacity ? this.cells.byteLength * 2 : 0;
  }

  /** Returns the index stored for the fingerprint, or -1. */
  get(hi: number, lo: number): number {
    const cells = this.cells;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const c = slot << 2;
      const at = cells[c + 2]!;
      if (at === 0) return -1;
      if (cells[c + 1] === lo && cells[c] === hi) return at - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Inserts the fingerprint with `index` unless it is present. Returns -1 when
   * it was inserted, or the index already stored for it.
   */
  putIfAbsent(hi: number, lo: number, index: number): number {
    if ((this.count + 1) * 2 > this.capacity) this.grow();
    const cells = this.cells;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const c = slot << 2;
      const at = cells[c + 2]!;
      if (at === 0) {
        cells[c] = hi;
        cells[c + 1] = lo;
        cells[c + 2] = index + 1;
        this.count++;
        return -1;
      }
      if (cells[c + 1] === lo && cells[c] === hi) return at - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.cells;
    const cap = this.capacity * 2;
    this.cells = FingerprintTable.emptyCells(cap);
    this.mask = cap - 1;
    this.count = 0;
    for (let c = 0; c < old.length; c += 4) {
      if (old[c + 2] !== 0) this.putIfAbsent(old[c]!, old[c + 1]!, old[c + 2]! - 1);
    }
  }
}
