/**
 * Virtual-time implementations of the generic ports for one process
 * incarnation: clock, timers and id source. A timer belongs to the
 * incarnation that set it and never fires for a later one.
 */
import type { Clock, IdSource, Timers } from '../../impl/ports/ports.ts';
import type { Simulator } from './simulator.ts';
import type { SimProcess } from './sim-process.ts';

export function simClock(sim: Simulator): Clock {
  return { nowMs: () => sim.now };
}

export function simTimers(sim: Simulator, proc: SimProcess): Timers {
  return {
    sleep(ms: number): Promise<void> {
      const delay = Math.max(0, Math.ceil(ms));
      return new Promise((resolve) => {
        sim.schedule(delay, proc, 'timer', null, resolve, { phase: 'timer' });
      });
    },
  };
}

/** Ids carry the incarnation so that a restarted process never reuses one. */
export function simIds(proc: SimProcess): IdSource {
  const incarnation = proc.incarnation;
  let counter = 0;
  return { next: (prefix) => `${prefix}${incarnation}.${++counter}` };
}
