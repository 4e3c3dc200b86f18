/**
 * Faults forced on specific calls by a scenario ("the first cashOut's reply is
 * lost", "reject the credit of the second transfer"). Fakes ask it, per call,
 * which faults are forced; random fault rates apply on top.
 */
import type { SendFault } from '../net/network.ts';
export type CallFault =
  | 'reject'
  | 'unavailable'
  | 'error-before'
  | 'error-after'
  | 'lose-reply'
  | 'rate-limit'
  | 'slow'
  | 'delay-request'
  | 'duplicate-request';

export interface ForcedCallFault {
  service: string;
  method: string;
  /** 1-based index of the call to this service method; omitted means every call. */
  nth?: number;
  fault: CallFault;
  /** `slow`: extra reply latency; `delay-request`: extra request latency; `duplicate-request`: delay of the copy. */
  extraMs?: number;
}

export class FaultScript {
  private readonly calls = new Map<string, number>();
  readonly fired: ForcedCallFault[] = [];

  constructor(private readonly rules: readonly ForcedCallFault[]) {}

  /** Counts a call and returns the faults forced on it. */
  forCall(service: string, method: string): ForcedCallFault[] {
    const key = `${service}.${method}`;
    const n = (this.calls.get(key) ?? 0) + 1;
    this.calls.set(key, n);
    if (this.rules.length === 0) return NONE;
    const hits = this.rules.filter((r) => r.service === service && r.method === method && (r.nth === undefined || r.nth === n));
    for (const h of hits) this.fired.push(h);
    return hits;
  }
}

/**
 * Faults forced on the nth request sent to a service method, counted at
 * sending: `delay-request` (it arrives late) and `duplicate-request` (a second
 * copy follows `extraMs` later).
 */
export function sendFaultsFor(script: FaultScript, rules: readonly ForcedCallFault[]): (service: string, method: string) => SendFault {
  const sent = new Map<string, number>();
  const sendRules = rules.filter((r) => r.fault === 'delay-request' || r.fault === 'duplicate-request');
  return (service, method) => {
    if (sendRules.length === 0) return { delayMs: 0, duplicateDelayMs: null };
    const key = `${service}.${method}`;
    const n = (sent.get(key) ?? 0) + 1;
    sent.set(key, n);
    const hits = sendRules.filter((r) => r.service === service && r.method === method && (r.nth === undefined || r.nth === n));
    script.fired.push(...hits);
    const delay = hits.find((r) => r.fault === 'delay-request');
    const duplicate = hits.find((r) => r.fault === 'duplicate-request');
    return { delayMs: delay?.extraMs ?? 0, duplicateDelayMs: duplicate === undefined ? null : duplicate.extraMs ?? 0 };
  };
}

const NONE: ForcedCallFault[] = [];
