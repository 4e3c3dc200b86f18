/**
 * The typed object view over a working buffer.
 *
 * Actions are written against plain-looking objects (`s.balance -= 5`,
 * `s.status[t] = Status.done`, `s.queue.push(t)`), yet each property reads or
 * writes one Int32 slot. A class with constant-offset accessors is generated
 * once per layout so that V8 sees one monomorphic shape and inlines the
 * accessors; arrays are subarray views and queues small view objects, created
 * once per buffer rather than once per successor.
 */
import type { Layout } from './layout.ts';
import type { QueueView, Shape, StateOf } from './shape.ts';

class SlotQueue implements QueueView {
  constructor(
    private readonly buf: Int32Array,
    private readonly off: number,
    private readonly capacity: number,
    private readonly empty: number,
  ) {}

  get length(): number {
    return this.buf[this.off]!;
  }

  at(index: number): number {
    if (index < 0 || index >= this.length) throw new RangeError(`queue index ${index} outside 0..${this.length - 1}`);
    return this.buf[this.off + 1 + index]!;
  }

  push(value: number): void {
    const n = this.length;
    // A push beyond capacity is recorded as an out-of-range length, which pack() reports as a model error.
    if (n < this.capacity) this.buf[this.off + 1 + n] = value;
    this.buf[this.off] = n + 1;
  }

  shift(): number {
    const n = this.length;
    if (n === 0) throw new RangeError('shift from an empty queue');
    const head = this.buf[this.off + 1]!;
    for (let i = 1; i < n; i++) this.buf[this.off + i] = this.buf[this.off + i + 1]!;
    // The vacated slot returns to the blank value so that equal queues pack equally.
    this.buf[this.off + n] = this.empty;
    this.buf[this.off] = n - 1;
    return head;
  }
}

export type FacadeFactory<S extends Shape> = (buf: Int32Array) => StateOf<S>;

export function facadeFactory<S extends Shape>(layout: Layout): FacadeFactory<S> {
  const lines: string[] = ['return class State {', 'constructor(b, views) {', 'this.$b = b;'];
  const accessors: string[] = [];
  layout.fields.forEach((f, i) => {
    if (f.field.kind === 'int' || f.field.kind === 'enum') {
      accessors.push(`get ${f.name}() { return this.$b[${f.offset}]; }`);
      accessors.push(`set ${f.name}(v) { this.$b[${f.offset}] = v; }`);
    } else {
      lines.push(`this.${f.name} = views[${i}];`);
    }
  });
  lines.push('}', ...accessors, '};');
  const StateClass = new Function(lines.join('\n'))() as new (b: Int32Array, views: unknown[]) => StateOf<S>;
  return (buf) => {
    const views = layout.fields.map((f) => {
      if (f.field.kind === 'array') return buf.subarray(f.offset, f.offset + f.slots);
      if (f.field.kind === 'queue') return new SlotQueue(buf, f.offset, f.field.capacity, layout.slotLo[f.offset + 1] ?? 0);
      return undefined;
    });
    return new StateClass(buf, views);
  };
}
