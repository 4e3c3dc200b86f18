/**
 * The visited set: an open-addressing hash table (linear probing) from 64-bit
 * fingerprints to state indices, in three parallel Int32Arrays.
 *
 * Map and Set are avoided on purpose: they allocate per entry and V8 caps them
 * at 2^24 entries, while a model checker routinely holds tens of millions of
 * states. The table doubles when it is half full, which keeps probe chains
 * short. A slot is empty when its stored index is -1.
 */

export class FingerprintTable {
  private hi: Int32Array;
  private lo: Int32Array;
  private idx: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.hi = new Int32Array(cap);
    this.lo = new Int32Array(cap);
    this.idx = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  /** Returns the index stored for the fingerprint, or -1. */
  get(hi: number, lo: number): number {
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const at = this.idx[slot]!;
      if (at === -1) return -1;
      if (this.lo[slot] === lo && this.hi[slot] === hi) return at;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Inserts the fingerprint with `index` unless it is present. Returns -1 when
   * it was inserted, or the index already stored for it.
   */
  putIfAbsent(hi: number, lo: number, index: number): number {
    if ((this.count + 1) * 2 > this.capacity) this.grow();
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const at = this.idx[slot]!;
      if (at === -1) {
        this.hi[slot] = hi;
        this.lo[slot] = lo;
        this.idx[slot] = index;
        this.count++;
        return -1;
      }
      if (this.lo[slot] === lo && this.hi[slot] === hi) return at;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { hi, lo, idx } = this;
    const cap = this.capacity * 2;
    this.hi = new Int32Array(cap);
    this.lo = new Int32Array(cap);
    this.idx = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.count = 0;
    for (let s = 0; s < idx.length; s++) {
      if (idx[s] !== -1) this.putIfAbsent(hi[s]!, lo[s]!, idx[s]!);
    }
  }
}
