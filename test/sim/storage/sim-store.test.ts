/**
 * The durable store: a committed transaction survives a crash; one whose
 * commit event never ran leaves nothing; a crash between commit and
 * acknowledgement keeps the data but never resumes the caller.
 */
import { describe, expect, it } from 'vitest';
import { ReplayChoiceSource } from '../../../sim/choice/replay-choice-source.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { SimStore } from '../../../sim/storage/sim-store.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

function setup() {
  const sim = new Simulator(new ReplayChoiceSource([]), new TraceRecorder(false));
  const proc = sim.addProcess('db-owner', true);
  const ctl = sim.addProcess('ctl', false);
  const store = new SimStore(sim, proc, { writeLatencyMsMin: 2, writeLatencyMsMax: 2 });
  return { sim, proc, ctl, store };
}

describe('SimStore', () => {
  it('commits atomically and reads own writes inside the transaction', async () => {
    const { sim, store } = setup();
    let seen: unknown;
    void store.port().transact(async (tx) => {
      tx.put('a', 1);
      tx.put('b/x', { n: 2 });
      seen = await tx.get('a');
      tx.delete('a');
    });
    await sim.run(100, 100);
    expect(seen).toBe(1);
    expect(store.get('a')).toBeUndefined();
    expect(store.scan('b/')).toEqual([['b/x', { n: 2 }]]);
  });

  it('loses a transaction whose process crashes before the commit', async () => {
    const { sim, proc, ctl, store } = setup();
    void store.port().transact((tx) => tx.put('k', 'v'));
    sim.schedule(1, ctl, 'crash', () => sim.crash(proc), null);
    await sim.run(100, 100);
    expect(store.get('k')).toBeUndefined();
  });

  it('keeps a committed transaction when the crash falls before the acknowledgement', async () => {
    const { sim, proc, store } = setup();
    let resumed = false;
    void store.port().transact((tx) => tx.put('k', 'v')).then(() => (resumed = true));
    sim.hooks = {
      crashBefore: (ev) => ev.label === 'store ack',
      onCrash: () => undefined,
      afterEvent: () => false,
    };
    await sim.run(100, 100);
    expect(store.get('k')).toBe('v');
    expect(resumed).toBe(false);
    expect(proc.up).toBe(false);
  });

  it('protects committed data from later mutation by the caller', async () => {
    const { sim, store } = setup();
    const value = { n: 1 };
    void store.port().transact((tx) => tx.put('k', value));
    await sim.run(100, 100);
    value.n = 99;
    expect(store.get('k')).toEqual({ n: 1 });
  });
});
