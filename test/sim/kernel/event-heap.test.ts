/** The event heap pops events in (time, sequence) order whatever the insertion order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventHeap } from '../../../sim/kernel/event-heap.ts';
import type { SimEvent } from '../../../sim/kernel/sim-event.ts';
import { SimProcess } from '../../../sim/kernel/sim-process.ts';
import { testSeed } from '../../model/seed.ts';

const proc = new SimProcess(0, 'p', false);
const ev = (time: number, seq: number): SimEvent => ({
  time, seq, proc, incarnation: 1, label: '', effect: null, wake: null, cancelled: false, meta: null,
});

describe('EventHeap', () => {
  it('pops in (time, seq) order', () => {
    const seed = testSeed('event-heap order');
    fc.assert(
      fc.property(fc.array(fc.nat(50), { maxLength: 200 }), (times) => {
        const heap = new EventHeap();
        times.forEach((t, i) => heap.push(ev(t, i)));
        const popped: Array<[number, number]> = [];
        for (let e = heap.pop(); e !== undefined; e = heap.pop()) popped.push([e.time, e.seq]);
        const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(popped).toEqual(expected);
      }),
      { seed },
    );
  });
});
