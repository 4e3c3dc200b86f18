/**
 * Clock and timers on real time, for coordinators running as services.
 *
 * The clock reads the wall clock in epoch milliseconds rather than time since
 * the process started: designs commit instants (a cash-out's expiry) and
 * compare them after a restart, and the fakes compare the same instants
 * against their own clock, so every process on the host must share one time
 * line. A timer is an ordinary `setTimeout`; when the process is killed its
 * pending sleeps simply never resolve, as in the simulator.
 */
import type { Clock, Timers } from '../../impl/ports/ports.ts';

export function realClock(): Clock {
  return { nowMs: () => Date.now() };
}

export function realTimers(): Timers {
  return {
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, Math.ceil(ms)))),
  };
}
