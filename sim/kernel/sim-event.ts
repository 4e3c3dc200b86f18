/**
 * One scheduled happening in virtual time.
 *
 * `effect` changes state outside any user code (a fake applying a request);
 * `wake` resumes the owning process's suspended code (settles the promise it
 * awaits), after which the kernel drains microtasks. A crash injected before
 * an event drops it, which is how "committed, then died before acting on the
 * commit" is modelled: a store commit and its acknowledgement are two events.
 */
import type { SimProcess } from './sim-process.ts';

export interface SimEvent {
  time: number;
  seq: number;
  /** The process this event belongs to; it is dropped if that process has crashed since. */
  proc: SimProcess;
  incarnation: number;
  /** Short label for traces and scripted fault matchers, e.g. "reply cashOut". */
  label: string;
  effect: (() => void) | null;
  wake: (() => void) | null;
  /** Set when the event was superseded (a timeout after its reply arrived). */
  cancelled: boolean;
  /** Extra structured data for matchers (method name, direction, peer). */
  meta: EventMeta | null;
}

export interface EventMeta {
  /** 'request' | 'reply' | 'timer' | 'store' | 'timeout' | 'control' */
  phase: string;
  method?: string;
  from?: string;
  to?: string;
}
