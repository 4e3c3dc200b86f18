/**
 * The discrete-event simulation kernel.
 *
 * Model: a single virtual clock and a heap of events ordered by (time,
 * sequence). The kernel dispatches exactly one event at a time and, when that
 * event resumed user code, drains the microtask queue before the next one, so
 * async coordinator code runs to its next await as if in one atomic step.
 * When several events are due at the same instant, which runs first is a
 * `schedule` choice drawn from the choice source, so explorers can enumerate
 * orderings and replays reproduce them.
 */
import type { ChoiceSource } from '../choice/choice-source.ts';
import type { TraceRecorder } from '../trace/trace-recorder.ts';
import { EventHeap } from './event-heap.ts';
import { HB, heartbeat } from './heartbeat.ts';
import type { EventMeta, SimEvent } from './sim-event.ts';
import { SimProcess } from './sim-process.ts';

export type RunStop =
  | { kind: 'drained' }
  | { kind: 'time-limit' }
  | { kind: 'step-limit' }
  | { kind: 'stopped' }
  | { kind: 'runaway'; message: string };

/**
 * A run whose events keep coming without virtual time moving (a design that
 * re-arms zero-delay timers or polls without ever waiting) would never end;
 * past this many events at one instant the kernel stops it as `Runaway`.
 */
export const EVENTS_AT_ONE_INSTANT_MAX = 100_000;

/** Fault and check hooks installed by the world that owns the kernel. */
export interface KernelHooks {
  /** Decide whether to crash `ev.proc` instead of dispatching `ev`. */
  crashBefore(ev: SimEvent): boolean;
  /** Called once the event and the code it woke have run; true stops the run. */
  afterEvent(ev: SimEvent): boolean;
  /** Called when a process crashes, so the world can plan its restart. */
  onCrash(proc: SimProcess): void;
}

/**
 * Resolves once the microtask queue is empty. Node runs the next-tick queue only
 * after V8 has drained every microtask, including those queued while draining,
 * so this waits out any promise chain the woken code started, without the cost
 * of a trip through the event loop.
 */
const drainMicrotasks = (): Promise<void> => new Promise((resolve) => process.nextTick(resolve));

export class Simulator {
  now = 0;
  /** Number of events dispatched (dropped and cancelled events are not counted). */
  steps = 0;
  private seq = 0;
  private readonly heap = new EventHeap();
  private readonly processes: SimProcess[] = [];
  private wokeUserCode = false;
  hooks: KernelHooks | null = null;

  constructor(
    readonly choice: ChoiceSource,
    readonly trace: TraceRecorder,
  ) {}

  addProcess(name: string, crashable: boolean): SimProcess {
    const proc = new SimProcess(this.processes.length, name, crashable);
    this.processes.push(proc);
    return proc;
  }

  get pendingEvents(): number {
    return this.heap.size;
  }

  /** Schedules an event `delayMs` from now on behalf of the current incarnation of `proc`. */
  schedule(
    delayMs: number,
    proc: SimProcess,
    label: string,
    effect: (() => void) | null,
    wake: (() => void) | null,
    meta: EventMeta | null = null,
    incarnation: number = proc.incarnation,
  ): SimEvent {
    if (!(delayMs >= 0) || !Number.isInteger(delayMs)) {
      throw new Error(`schedule: delay must be a non-negative integer, got ${delayMs}`);
    }
    const ev: SimEvent = {
      time: this.now + delayMs,
      seq: this.seq++,
      proc,
      incarnation,
      label,
      effect,
      wake,
      cancelled: false,
      meta,
    };
    this.heap.push(ev);
    return ev;
  }

  /** Resolves a user-visible promise from inside an event; the loop drains microtasks after it. */
  noteWake(): void {
    this.wokeUserCode = true;
  }

  /** Crashes `proc`; `pending` names the event it never got to handle, for the trace. */
  crash(proc: SimProcess, pending = '', note = ''): void {
    if (!proc.up) return;
    proc.up = false;
    proc.incarnation++;
    proc.crashes++;
    const lost = pending === '' ? (note === '' ? '' : ` ${note}`) : ` before handling ${pending}`;
    this.trace.record(this.steps, this.now, 'crash', proc.name, '', `incarnation ${proc.incarnation - 1} lost${lost}`);
    this.hooks?.onCrash(proc);
  }

  restart(proc: SimProcess): void {
    if (proc.up) return;
    proc.up = true;
    this.trace.record(this.steps, this.now, 'restart', proc.name, '', `incarnation ${proc.incarnation}`);
  }

  /** Runs events until the heap is empty, virtual time passes `untilMs`, or a hook stops it. */
  async run(untilMs: number, maxSteps: number): Promise<RunStop> {
    const hb = heartbeat();
    let instant = -1;
    let atInstant = 0;
    for (;;) {
      const ev = this.next();
      if (ev === undefined) return { kind: 'drained' };
      if (ev.time > untilMs) {
        this.heap.push(ev);
        this.now = untilMs;
        return { kind: 'time-limit' };
      }
      this.now = ev.time;
      if (ev.cancelled || !ev.proc.isAlive(ev.incarnation)) continue;
      if (this.steps >= maxSteps) {
        this.heap.push(ev);
        return { kind: 'step-limit' };
      }
      if (ev.time !== instant) {
        instant = ev.time;
        atInstant = 0;
      } else if (++atInstant > EVENTS_AT_ONE_INSTANT_MAX) {
        return { kind: 'runaway', message: `more than ${EVENTS_AT_ONE_INSTANT_MAX} events at ${ev.time} ms of virtual time without time moving (last: ${ev.proc.name} ${ev.label})` };
      }
      this.steps++;
      if (hb !== null) {
        hb[HB.step] = this.steps;
        hb[HB.timeMs] = ev.time;
        hb[HB.turns] = 0;
        hb[HB.inEvent] = 1;
      }
      this.choice.noteDispatch?.(ev);
      this.dispatch(ev);
      if (this.wokeUserCode) {
        this.wokeUserCode = false;
        await drainMicrotasks();
      }
      if (hb !== null) {
        hb[HB.inEvent] = 0;
        hb[HB.tick]++;
      }
      if (this.hooks !== null && this.hooks.afterEvent(ev)) return { kind: 'stopped' };
    }
  }

  private dispatch(ev: SimEvent): void {
    const hooks = this.hooks;
    const crashable = ev.proc.crashable;
    if (crashable && hooks !== null && hooks.crashBefore(ev)) {
      this.crash(ev.proc, ev.label);
      return;
    }
    if (ev.effect !== null) ev.effect();
    if (ev.wake !== null && ev.proc.isAlive(ev.incarnation)) {
      ev.wake();
      this.wokeUserCode = true;
    }
  }

  /** Pops the next event; among events due at the same instant, the choice source picks. */
  private next(): SimEvent | undefined {
    const first = this.heap.pop();
    if (first === undefined) return undefined;
    const peek = this.heap.peek();
    if (peek === undefined || peek.time !== first.time) return first;
    const due: SimEvent[] = [first];
    while (this.heap.size > 0 && this.heap.peek()!.time === first.time) due.push(this.heap.pop()!);
    const live = due.filter((e) => !e.cancelled && e.proc.isAlive(e.incarnation));
    if (live.length <= 1) {
      // Nothing to choose: hand back the one live event, or any dead one to be skipped.
      const only = live[0] ?? first;
      for (const e of due) if (e !== only) this.heap.push(e);
      return only;
    }
    const pick = this.choice.choose('schedule', 'schedule', live.length, undefined, live);
    const chosen = live[pick]!;
    for (const e of due) if (e !== chosen) this.heap.push(e);
    return chosen;
  }
}
