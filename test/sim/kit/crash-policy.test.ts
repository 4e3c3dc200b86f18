/**
 * The kit's crash policy with several crashable processes: a scripted crash
 * names its target; each process restarts through its own action (a node
 * recovers, a stateless stub comes back empty); an event-tied crash only
 * matches events of its named process.
 */
import { describe, expect, it } from 'vitest';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { CrashPolicy } from '../../../sim/kit/crash-policy.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

const NO_RANDOM = { probability: 0, maxCrashes: 0, restartDelayMsMin: 10, restartDelayMsMax: 10 };

function world() {
  const sim = new Simulator(new RandomChoiceSource(3), new TraceRecorder(false));
  const control = sim.addProcess('control', false);
  const a = sim.addProcess('node-1', true);
  const b = sim.addProcess('node-2', true);
  const stub = sim.addProcess('stub', true);
  return { sim, control, a, b, stub };
}

describe('CrashPolicy with named targets', () => {
  it('crashes the named process at its instant and restarts it through its own action after its delay', async () => {
    const { sim, control, a, b, stub } = world();
    const restarted: string[] = [];
    const policy = new CrashPolicy(sim, control, NO_RANDOM, [{ atMs: 100, restartAfterMs: 60_000, process: 'stub' }, { atMs: 50, restartAfterMs: 5, process: 'node-2' }], (p) => restarted.push(`default ${p.name} at ${sim.now}`));
    policy.onRestart(stub, (p) => restarted.push(`forget ${p.name} at ${sim.now}`));
    sim.hooks = { crashBefore: (ev) => policy.shouldCrashBefore(ev), onCrash: (p) => policy.onCrash(p), afterEvent: () => false };
    policy.scheduleTimed(a, b, stub);
    await sim.run(100_000, 1000);
    expect(restarted).toEqual(['default node-2 at 55', 'forget stub at 60100']);
    expect([a.crashes, b.crashes, stub.crashes]).toEqual([0, 1, 1]);
  });

  it('an event-tied crash with a process name ignores the same event on other processes', async () => {
    const { sim, control, a, b } = world();
    const policy = new CrashPolicy(sim, control, NO_RANDOM, [{ on: { phase: 'timer', nth: 1 }, restartAfterMs: 1, process: 'node-2' }], () => {});
    sim.hooks = { crashBefore: (ev) => policy.shouldCrashBefore(ev), onCrash: (p) => policy.onCrash(p), afterEvent: () => false };
    sim.schedule(10, a, 'tick', null, () => {}, { phase: 'timer' });
    sim.schedule(20, b, 'tick', null, () => {}, { phase: 'timer' });
    await sim.run(1000, 100);
    expect([a.crashes, b.crashes]).toEqual([0, 1]);
  });
});
