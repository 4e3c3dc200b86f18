/**
 * Process stalls: a scripted stall before the nth call of a method holds
 * the call and its answer until it ends, timers included; a stall with no
 * process named strikes whichever gated process makes that call; a crash
 * ends a stall with the incarnation.
 */
import { describe, expect, it } from 'vitest';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { simTimers } from '../../../sim/kernel/process-ports.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { noPauses, ProcessPauses } from '../../../sim/kit/process-pauses.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

function world() {
  const sim = new Simulator(new RandomChoiceSource(1), new TraceRecorder(false));
  return { sim, a: sim.addProcess('worker-1', true), b: sim.addProcess('worker-2', true), control: sim.addProcess('control', false) };
}

describe('ProcessPauses', () => {
  it('holds the nth call of a method, and the timers, until the stall ends', async () => {
    const { sim, a } = world();
    const pauses = new ProcessPauses(sim, noPauses, [{ process: 'worker-1', method: 'sleep', nth: 2, forMs: 1000 }]);
    const timers = pauses.gate(a, simTimers(sim, a));
    const woke: number[] = [];
    sim.schedule(0, a, 'start', null, () => {
      void (async () => {
        for (let i = 0; i < 3; i++) {
          await timers.sleep(10);
          woke.push(sim.now);
        }
      })();
    });
    await sim.run(10_000, 100);
    expect(woke).toEqual([10, 1020, 1030]);
    expect(pauses.counts.pauses).toBe(1);
  });

  it('with no process named, stalls whichever process makes the nth call', async () => {
    const { sim, a, b } = world();
    const pauses = new ProcessPauses(sim, noPauses, [{ method: 'sleep', nth: 2, forMs: 500 }]);
    const done: Array<[string, number]> = [];
    for (const [proc, at] of [[a, 0], [b, 5]] as const) {
      const timers = pauses.gate(proc, simTimers(sim, proc));
      sim.schedule(at, proc, 'start', null, () => {
        void timers.sleep(1).then(() => done.push([proc.name, sim.now]));
      });
    }
    await sim.run(10_000, 100);
    expect(done).toEqual([['worker-1', 1], ['worker-2', 506]]);
  });

  it('a crash during a stall ends it: the call never returns to the dead incarnation', async () => {
    const { sim, a, control } = world();
    const pauses = new ProcessPauses(sim, noPauses, [{ process: 'worker-1', method: 'sleep', nth: 1, forMs: 1000 }]);
    const timers = pauses.gate(a, simTimers(sim, a));
    let returned = false;
    sim.schedule(0, a, 'start', null, () => {
      void timers.sleep(1).then(() => {
        returned = true;
      });
    });
    sim.schedule(100, control, 'crash', () => sim.crash(a), null);
    await sim.run(10_000, 100);
    expect(returned).toBe(false);
  });
});
