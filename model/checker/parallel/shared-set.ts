/**
 * The visited set shared by the search's worker threads: 64-bit fingerprints
 * in a SharedArrayBuffer, two Int32 cells per slot, open addressing with
 * linear probing, insert-only and lock-free.
 *
 * A slot's high cell is 0 while empty, BUSY while a thread writes it, and
 * the fingerprint's high half once published. A thread claims an empty slot
 * by compare-and-swap from 0 to BUSY, stores the low half, then publishes
 * the high half; a reader that meets BUSY waits for the publication, and one
 * that meets a published high half reads a low half stored before it
 * (Atomics are sequentially consistent). High halves 0 and BUSY would be
 * ambiguous, so those two are stored with the top bit set: one more way for
 * two states to share a fingerprint, at odds of about 2^-63.
 *
 * The set cannot grow while threads insert: the coordinator grows it (a new
 * buffer, rehashed) while every worker is paused, which they do when the
 * count passes `limit`.
 */

const BUSY = 1;
export const SET_LOAD = 0.7;

export class SharedFingerprintSet {
  readonly cells: Int32Array;
  readonly mask: number;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.cells = new Int32Array(buffer);
    this.mask = this.cells.length / 2 - 1;
  }

  static create(capacity: number): SharedFingerprintSet {
    let cap = 1024;
    while (cap < capacity) cap *= 2;
    return new SharedFingerprintSet(new SharedArrayBuffer(cap * 8));
  }

  get capacity(): number {
    return this.mask + 1;
  }

  /** Adds the fingerprint; true when it was not there before. */
  insert(hiIn: number, lo: number): boolean {
    const hi = hiIn === 0 || hiIn === BUSY ? hiIn | 0x80000000 : hiIn;
    const cells = this.cells;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const c = slot << 1;
      let h = Atomics.load(cells, c);
      if (h === 0) {
        h = Atomics.compareExchange(cells, c, 0, BUSY);
        if (h === 0) {
          Atomics.store(cells, c + 1, lo);
          Atomics.store(cells, c, hi);
          return true;
        }
      }
      while (h === BUSY) h = Atomics.load(cells, c);
      if (h === hi && Atomics.load(cells, c + 1) === lo) return false;
      slot = (slot + 1) & this.mask;
    }
  }

  /** A set of twice the capacity holding the same fingerprints (run while no thread inserts). */
  grown(): SharedFingerprintSet {
    const next = SharedFingerprintSet.create(this.capacity * 2);
    const cells = this.cells;
    for (let c = 0; c < cells.length; c += 2) {
      const h = cells[c]!;
      if (h !== 0) next.insertPublished(h, cells[c + 1]!);
    }
    return next;
  }

  /** Copies an already-published slot without the claim protocol (single-threaded growth only). */
  private insertPublished(hi: number, lo: number): void {
    const cells = this.cells;
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    while (cells[slot << 1] !== 0) slot = (slot + 1) & this.mask;
    cells[slot << 1] = hi;
    cells[(slot << 1) + 1] = lo;
  }
}
