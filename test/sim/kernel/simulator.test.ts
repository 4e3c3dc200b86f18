/**
 * Kernel semantics: one event at a time with microtasks drained in between,
 * ties broken by the choice source, and a crash that silences every pending
 * continuation of the dead incarnation.
 */
import { describe, expect, it } from 'vitest';
import type { ChoiceKind, ChoiceSource } from '../../../sim/choice/choice-source.ts';
import { ChoiceLog } from '../../../sim/choice/choice-source.ts';
import { ReplayChoiceSource } from '../../../sim/choice/replay-choice-source.ts';
import { simTimers } from '../../../sim/kernel/process-ports.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

function kernel(choice: ChoiceSource = new ReplayChoiceSource([])): Simulator {
  return new Simulator(choice, new TraceRecorder(true));
}

describe('Simulator', () => {
  it('runs async code to its next await before the next event', async () => {
    const sim = kernel();
    const p = sim.addProcess('p', false);
    const timers = simTimers(sim, p);
    const log: string[] = [];
    void (async () => {
      await timers.sleep(10);
      log.push('a1');
      await Promise.resolve();
      await Promise.resolve();
      log.push('a2');
      await timers.sleep(10);
      log.push('a3');
    })();
    void (async () => {
      await timers.sleep(10);
      log.push('b1');
      await timers.sleep(5);
      log.push('b2');
    })();
    await sim.run(1000, 1000);
    expect(log).toEqual(['a1', 'a2', 'b1', 'b2', 'a3']);
    expect(sim.now).toBe(20);
  });

  it('drains arbitrarily deep promise chains before the next event', async () => {
    const sim = kernel();
    const p = sim.addProcess('p', false);
    const timers = simTimers(sim, p);
    const log: string[] = [];
    const deep = async (n: number): Promise<number> => (n === 0 ? 0 : 1 + (await deep(n - 1)));
    void (async () => {
      await timers.sleep(1);
      log.push(`chain ${await deep(2000)}`);
    })();
    sim.schedule(1, p, 'next event', () => log.push('next event'), null);
    await sim.run(10, 10);
    expect(log).toEqual(['chain 2000', 'next event']);
  });

  it('asks the choice source which of several due events runs first', async () => {
    const asked: Array<[ChoiceKind, number]> = [];
    const pickLast: ChoiceSource = {
      log: new ChoiceLog(),
      choose(kind, _stream, n) {
        asked.push([kind, n]);
        return n - 1;
      },
    };
    const sim = kernel(pickLast);
    const p = sim.addProcess('p', false);
    const order: number[] = [];
    for (const i of [1, 2, 3]) sim.schedule(5, p, `e${i}`, () => order.push(i), null);
    await sim.run(100, 100);
    expect(asked).toEqual([['schedule', 3], ['schedule', 2]]);
    expect(order).toEqual([3, 2, 1]);
  });

  it('drops every continuation of a crashed incarnation, and a restart starts afresh', async () => {
    const sim = kernel();
    const p = sim.addProcess('p', true);
    const ctl = sim.addProcess('ctl', false);
    const log: string[] = [];
    const timers = simTimers(sim, p);
    void timers.sleep(10).then(() => log.push('old incarnation woke'));
    sim.schedule(5, ctl, 'crash', () => sim.crash(p), null);
    sim.schedule(6, ctl, 'restart', () => {
      sim.restart(p);
      void simTimers(sim, p).sleep(10).then(() => log.push('new incarnation woke'));
    }, null);
    await sim.run(100, 100);
    expect(log).toEqual(['new incarnation woke']);
    expect(p.incarnation).toBe(2);
    expect(sim.trace.entries.map((e) => e.kind)).toEqual(['crash', 'restart']);
  });

  it('stops at the time limit and leaves later events queued', async () => {
    const sim = kernel();
    const p = sim.addProcess('p', false);
    sim.schedule(50, p, 'late', () => undefined, null);
    expect(await sim.run(10, 100)).toEqual({ kind: 'time-limit' });
    expect(sim.pendingEvents).toBe(1);
  });

  it('rejects a fractional or negative delay as a programmer error', () => {
    const sim = kernel();
    const p = sim.addProcess('p', false);
    expect(() => sim.schedule(1.5, p, 'x', null, null)).toThrow(/non-negative integer/);
    expect(() => sim.schedule(-1, p, 'x', null, null)).toThrow(/non-negative integer/);
  });
});
