/**
 * Faults forced on specific calls by a scenario ("the first cashOut's reply is
 * lost", "reject the credit of the second transfer"). Fakes ask it, per call,
 * which faults are forced; random fault rates apply on top.
 */
export type CallFault =
  | 'reject'
  | 'error-before'
  | 'error-after'
  | 'lose-reply'
  | 'rate-limit'
  | 'slow'
  | 'delay-request';

export interface ForcedCallFault {
  service: string;
  method: string;
  /** 1-based index of the call to this service method; omitted means every call. */
  nth?: number;
  fault: CallFault;
  /** For `slow`: the extra reply latency; for `delay-request`: the extra request latency. */
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

/** Extra latency forced on the nth request sent to a service method (counted at sending). */
export function requestDelayFor(script: FaultScript, rules: readonly ForcedCallFault[]): (service: string, method: string) => number {
  const sent = new Map<string, number>();
  const delays = rules.filter((r) => r.fault === 'delay-request');
  return (service, method) => {
    if (delays.length === 0) return 0;
    const key = `${service}.${method}`;
    const n = (sent.get(key) ?? 0) + 1;
    sent.set(key, n);
    const rule = delays.find((r) => r.service === service && r.method === method && (r.nth === undefined || r.nth === n));
    if (rule === undefined) return 0;
    script.fired.push(rule);
    return rule.extraMs ?? 0;
  };
}

const NONE: ForcedCallFault[] = [];
