/**
 * The kit's periodic beat: twelve weekly ticks over twelve weeks of virtual
 * time cost twelve events; a crash silences the beat until the next
 * incarnation arms it again.
 */
import { describe, expect, it } from 'vitest';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { armBeat } from '../../../sim/kit/periodic-beat.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

const WEEK_MS = 7 * 24 * 3600 * 1000;

describe('armBeat', () => {
  it('ticks once a week for twelve weeks in twelve events', async () => {
    const sim = new Simulator(new RandomChoiceSource(1), new TraceRecorder(false));
    const worker = sim.addProcess('beat', true);
    const at: number[] = [];
    armBeat(sim, worker, 'weekly', { intervalMs: WEEK_MS, ticksMax: 12 }, () => at.push(sim.now / WEEK_MS));
    const stop = await sim.run(20 * WEEK_MS, 1000);
    expect(stop.kind).toBe('drained');
    expect(at).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(sim.steps).toBe(12);
  });

  it('a crash silences the beat; the next incarnation arms it again', async () => {
    const sim = new Simulator(new RandomChoiceSource(1), new TraceRecorder(false));
    const proc = sim.addProcess('beat', true);
    const control = sim.addProcess('control', false);
    const ticks: Array<[number, number]> = [];
    const arm = (): void => armBeat(sim, proc, 'tick', { intervalMs: 100 }, () => ticks.push([sim.now, proc.incarnation]));
    arm();
    sim.schedule(250, control, 'crash', () => sim.crash(proc), null);
    sim.schedule(1000, control, 'restart', () => {
      sim.restart(proc);
      arm();
    }, null);
    await sim.run(1250, 1000);
    expect(ticks).toEqual([[100, 1], [200, 1], [1100, 2], [1200, 2]]);
  });
});
