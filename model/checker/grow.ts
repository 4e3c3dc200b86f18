/**
 * Growable typed arrays for the state store, parent pointers and edge lists,
 * which are appended to once per new state or edge. They double while small
 * and grow by half once large, so that a search of tens of millions of
 * states does not keep a half-empty array (or the copy of one) around.
 */

type Typed = Int32Array | Uint32Array | Uint16Array;

/** Elements past which growth is by half rather than doubling. */
const LARGE = 1 << 22;
type Ctor<T extends Typed> = new (length: number) => T;

export class Grow<T extends Typed> {
  data: T;
  length = 0;

  constructor(
    private readonly ctor: Ctor<T>,
    initial = 1024,
  ) {
    this.data = new ctor(initial);
  }

  /** Makes room for `extra` more elements; callers then write `data` directly. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.data.length) return;
    const grow = (n: number): number => (n < LARGE ? n * 2 : Math.ceil(n * 1.5));
    let cap = grow(this.data.length);
    while (cap < need) cap = grow(cap);
    const next = new this.ctor(cap);
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** A right-sized copy, for handing results out of the search. */
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}
