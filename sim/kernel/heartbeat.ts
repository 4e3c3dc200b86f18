/**
 * The heartbeat a supervising thread reads to notice runaway code.
 *
 * A design stuck in a busy loop, or spinning on microtasks without ever
 * waiting on a port, cannot be stopped from its own thread: nothing else runs
 * there until it yields. So each simulating thread publishes, in shared
 * memory, whether it is inside an event and which run and step it is at; the
 * watchdog on the main thread (cli/supervisor.ts) compares that against the
 * wall clock and stops the program when one event outlasts its budget. The
 * kernel pays a few stores per event for this and never reads a clock.
 *
 * Layout of the shared Int32Array: slot 0 counts the slots handed out; each
 * thread then owns `HB.size` slots of its own.
 */

/** Slot offsets within one thread's part of the buffer. */
export const HB = {
  /** 1 while an event (and the code it woke) is running, else 0. */
  inEvent: 0,
  /** Bumped once per dispatched event: the watchdog sees progress. */
  tick: 1,
  /** The run's seed (when below 2^31) and whether it is known. */
  seed: 2,
  seedKnown: 3,
  /** Step (event count) and virtual time of the event under way. */
  step: 4,
  timeMs: 5,
  /** Promises created since the event began: the microtask turns its code took. */
  turns: 6,
  size: 8,
} as const;

/** Threads the buffer has room for: the main program and its explorer workers. */
export const HEARTBEAT_THREADS_MAX = 80;

export function heartbeatBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(4 * (1 + HEARTBEAT_THREADS_MAX * HB.size));
}

/** The part of the buffer that belongs to thread `slot`. */
export function heartbeatSlot(buffer: SharedArrayBuffer, slot: number): Int32Array {
  return new Int32Array(buffer, 4 * (1 + slot * HB.size), HB.size);
}

/** Threads that have taken a slot so far. */
export function heartbeatThreads(buffer: SharedArrayBuffer): number {
  return Math.min(Atomics.load(new Int32Array(buffer, 0, 1), 0), HEARTBEAT_THREADS_MAX);
}

import { promiseHooks } from 'node:v8';

let sharedBuffer: SharedArrayBuffer | null = null;
let mine: Int32Array | null = null;

/** Installs the heartbeat in this thread, taking the next free slot. */
export function installHeartbeat(buffer: SharedArrayBuffer): void {
  const slot = Atomics.add(new Int32Array(buffer, 0, 1), 0, 1);
  if (slot >= HEARTBEAT_THREADS_MAX) return;
  sharedBuffer = buffer;
  const hb = (mine = heartbeatSlot(buffer, slot));
  // Counting every promise costs a few per cent, so only supervised threads do it: the
  // watchdog stops an event whose code spins through more microtask turns than its budget.
  promiseHooks.onInit(() => {
    hb[HB.turns]++;
  });
}

/** The buffer to hand to threads this one starts, if it is supervised. */
export function sharedHeartbeat(): SharedArrayBuffer | null {
  return sharedBuffer;
}

export function heartbeat(): Int32Array | null {
  return mine;
}

/** Records which run is under way, so a runaway report can name its seed. */
export function heartbeatRun(seed: number | null): void {
  if (mine === null) return;
  const known = seed !== null && seed >= 0 && seed < 2 ** 31;
  mine[HB.seed] = known ? seed : 0;
  mine[HB.seedKnown] = known ? 1 : 0;
}
