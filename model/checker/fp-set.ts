/**
 * The visited set when no edges are recorded (no liveness to check): only the
 * 64-bit fingerprints, two Int32 cells per slot, in an open-addressing table
 * with linear probing.
 *
 * The search needs a state's index only to record an edge to it, so without
 * edges a slot is half the size of FingerprintTable's. The fingerprint (0, 0)
 * marks an empty slot, so a state fingerprinting to it is stored as (0, 1):
 * one more way for two states to share a fingerprint, at odds of 2^-64. The
 * table grows when 70% full, which keeps probe chains short and the memory
 * per state between 11 and 23 bytes.
 */
import type { VisitedSet } from './visited.ts';

const LOAD = 0.7;

export class FingerprintSet implements VisitedSet {
  private cells: Int32Array;
  private mask: number;
  private count = 0;
  private limit: number;

  constructor(initialCapacity = 1 << 16) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.cells = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.limit = Math.floor(cap * LOAD);
  }

  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return this.cells.byteLength;
  }

  /** Bytes the next growth would allocate, when the set is near it; 0 otherwise. */
  get growthBytes(): number {
    return this.count + (this.limit >> 4) >= this.limit ? this.cells.byteLength * 2 : 0;
  }

  /** Returns -1 when the fingerprint was added, 0 when it was present. */
  putIfAbsent(hi: number, lo: number, _index: number): number {
    if (this.count >= this.limit) this.grow();
    if (hi === 0 && lo === 0) lo = 1;
    const cells = this.cells;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const c = slot << 1;
      const h = cells[c]!;
      const l = cells[c + 1]!;
      if (h === 0 && l === 0) {
        cells[c] = hi;
        cells[c + 1] = lo;
        this.count++;
        return -1;
      }
      if (l === lo && h === hi) return 0;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.cells;
    const cap = (this.mask + 1) * 2;
    this.cells = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.limit = Math.floor(cap * LOAD);
    this.count = 0;
    for (let c = 0; c < old.length; c += 2) {
      if (old[c] !== 0 || old[c + 1] !== 0) this.putIfAbsent(old[c]!, old[c + 1]!, 0);
    }
  }
}
