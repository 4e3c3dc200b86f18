/**
 * The heartbeat a supervising thread reads to notice runaway code.
 *
 * A design stuck in a busy loop, or spinning on microtasks without ever
 * yielding to the event loop, cannot be stopped from its own thread: nothing
 * else runs there until it yields. So the kernel publishes, in shared memory,
 * whether it is inside an event and which step and run it is at; a watchdog
 * on another thread (cli/supervisor.ts) compares it against the wall clock
 * and stops the thread when one event outlasts its budget. Writing the slots
 * costs a few stores per event and needs no wall clock here.
 */

/** Slot indexes of the shared Int32Array. */
export const HB = {
  /** 1 while an event (and the code it woke) is running, else 0. */
  inEvent: 0,
  /** Bumped once per dispatched event: the watchdog sees progress. */
  tick: 1,
  /** The run's seed (low 31 bits) and whether it is known. */
  seed: 2,
  seedKnown: 3,
  /** Step (event count) and virtual time of the event under way. */
  step: 4,
  timeMs: 5,
  /** Number of slots. */
  size: 8,
} as const;

let shared: Int32Array | null = null;

/** Installed once per thread by whoever supervises it. */
export function installHeartbeat(buffer: SharedArrayBuffer): void {
  shared = new Int32Array(buffer);
}

export function heartbeat(): Int32Array | null {
  return shared;
}

/** Records which run is under way, so a runaway report can name its seed. */
export function heartbeatRun(seed: number | null): void {
  if (shared === null) return;
  shared[HB.seed] = seed === null ? 0 : seed % 2 ** 31;
  shared[HB.seedKnown] = seed === null || seed >= 2 ** 31 ? 0 : 1;
}
