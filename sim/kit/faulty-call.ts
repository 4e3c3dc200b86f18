/**
 * The faults any fake service applies around one call, in the order a real
 * service meets them: down for a window of time (refused, unapplied), a
 * refusal of one request (UNAVAILABLE, unapplied), a 5xx before applying,
 * the call applied, a 5xx after applying, then a lost or slow reply. Each
 * fault fires when a scenario forces it on this call (the fault script) or
 * at its configured rate; draws come from the service's own streams. The
 * service's own logic (`apply`) sees the faults forced on the call, for
 * faults only it understands (a rejection).
 */
import type { Json } from '../../impl/ports/ports.ts';
import { faultFires, withReplyFaults } from '../fakes/call-faults.ts';
import type { FaultScript, ForcedCallFault } from '../fakes/fault-script.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { ServiceResponse } from '../net/network.ts';

export interface CallFaultOptions {
  /** Intervals of virtual time during which every request is refused with UNAVAILABLE. */
  downWindows: Array<{ fromMs: number; toMs: number }>;
  /** Per request: refused with UNAVAILABLE, unapplied. */
  unavailableProbability: number;
  /** Per request: a 5xx before it is applied. */
  errorBeforeProbability: number;
  /** Per request: a 5xx after it was applied. */
  errorAfterProbability: number;
  /** Per request: applied, its reply dropped. */
  lostReplyProbability: number;
  /** Per request: the reply is delayed by up to `slowExtraMsMax`. */
  slowProbability: number;
  slowExtraMsMax: number;
}

export const calmCalls: CallFaultOptions = {
  downWindows: [],
  unavailableProbability: 0,
  errorBeforeProbability: 0,
  errorAfterProbability: 0,
  lostReplyProbability: 0,
  slowProbability: 0,
  slowExtraMsMax: 0,
};

export interface CallFaultCounts {
  down: number;
  unavailable: number;
  errorBefore: number;
  errorAfter: number;
  lostReplies: number;
  slow: number;
}

export function newCallFaultCounts(): CallFaultCounts {
  return { down: 0, unavailable: 0, errorBefore: 0, errorAfter: 0, lostReplies: 0, slow: 0 };
}

export interface FaultyCall {
  sim: Simulator;
  /** The service's name, which is also the prefix of its fault streams. */
  service: string;
  script: FaultScript;
  options: CallFaultOptions;
  counts: CallFaultCounts;
}

/** Handles one call of `method` with the service's faults around `apply`. */
export function faultyCall(s: FaultyCall, method: string, apply: (forced: readonly ForcedCallFault[]) => Json): ServiceResponse {
  const { sim, service, options: o, counts } = s;
  const forced = s.script.forCall(service, method);
  const now = sim.now;
  if (o.downWindows.some((w) => now >= w.fromMs && now < w.toMs)) {
    counts.down++;
    return { reply: { kind: 'error', code: 'UNAVAILABLE' } };
  }
  if (faultFires(sim, service, forced, 'unavailable', o.unavailableProbability)) {
    counts.unavailable++;
    return { reply: { kind: 'error', code: 'UNAVAILABLE' } };
  }
  if (faultFires(sim, service, forced, 'error-before', o.errorBeforeProbability)) {
    counts.errorBefore++;
    return { reply: { kind: 'error', code: 'SERVER_ERROR' } };
  }
  const value = apply(forced);
  if (faultFires(sim, service, forced, 'error-after', o.errorAfterProbability)) {
    counts.errorAfter++;
    return { reply: { kind: 'error', code: 'SERVER_ERROR' } };
  }
  return withReplyFaults(sim, service, forced, o, counts, { reply: { kind: 'reply', value } });
}
