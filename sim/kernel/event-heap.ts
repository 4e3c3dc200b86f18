/**
 * A binary min-heap of simulation events ordered by (virtual time, sequence).
 * The sequence number makes the order total, so the heap itself never
 * introduces nondeterminism; ties in time are resolved by the simulator
 * through the choice source, not here.
 */
import type { SimEvent } from './sim-event.ts';

export class EventHeap {
  private items: SimEvent[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): SimEvent | undefined {
    return this.items[0];
  }

  push(ev: SimEvent): void {
    const items = this.items;
    let i = items.length;
    items.push(ev);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (before(p, ev)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = ev;
  }

  pop(): SimEvent | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      const n = items.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(items[r]!, items[l]!) ? r : l;
        if (before(last, items[c]!)) break;
        items[i] = items[c]!;
        i = c;
      }
      items[i] = last;
    }
    return top;
  }
}

function before(a: SimEvent, b: SimEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
