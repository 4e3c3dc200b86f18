/**
 * A periodic scheduler (a cron-style beat) living in a simulated process:
 * `tick` runs every `intervalMs` of virtual time for as long as the
 * incarnation that armed it lives. A crash silences the beat; whoever boots
 * the next incarnation arms it again, as a real process re-reads its
 * schedule on start. Because the kernel jumps from event to event, a beat
 * over weeks of virtual time costs one event per tick, not per millisecond.
 */
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';

export interface BeatOptions {
  intervalMs: number;
  /** Delay of the first tick; defaults to one interval. */
  firstAfterMs?: number;
  /** Stop after this many ticks (for a fixed schedule such as 12 weekly payments); absent: forever. */
  ticksMax?: number;
}

export function armBeat(sim: Simulator, proc: SimProcess, label: string, options: BeatOptions, tick: (n: number) => void): void {
  if (!(options.intervalMs > 0)) throw new Error(`beat ${label}: intervalMs must be positive`);
  let n = 0;
  const next = (delayMs: number): void => {
    // A wake, not an effect: the tick starts the process's own code, whose
    // microtasks the kernel drains before the next event.
    sim.schedule(delayMs, proc, label, null, () => {
      n++;
      if (options.ticksMax === undefined || n < options.ticksMax) next(options.intervalMs);
      tick(n);
    }, { phase: 'timer' });
  };
  next(options.firstAfterMs ?? options.intervalMs);
}
