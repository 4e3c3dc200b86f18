/**
 * Fault decisions shared by the fake services. A fault fires when the
 * scenario forces it on this call or, failing that, when the choice source
 * says so at the configured rate; each service draws from its own streams
 * (`<service>.<fault>`), so the services do not shift each other's draws.
 */
import { chance, intBetween } from '../choice/choice-source.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { ServiceResponse } from '../net/network.ts';
import type { CallFault, ForcedCallFault } from './fault-script.ts';

export function faultFires(sim: Simulator, service: string, forced: readonly ForcedCallFault[], kind: CallFault, probability: number): boolean {
  if (forced.length > 0 && forced.some((f) => f.fault === kind)) return true;
  return chance(sim.choice, `${service}.${kind}`, probability);
}

export interface ReplyFaultRates {
  lostReplyProbability: number;
  slowProbability: number;
  slowExtraMsMax: number;
}

/** Applies the lost-reply and slow-reply faults to a response whose request was handled. */
export function withReplyFaults(
  sim: Simulator,
  service: string,
  forced: readonly ForcedCallFault[],
  rates: ReplyFaultRates,
  counts: { lostReplies: number; slow: number },
  response: ServiceResponse,
): ServiceResponse {
  if (faultFires(sim, service, forced, 'lose-reply', rates.lostReplyProbability)) {
    counts.lostReplies++;
    response.dropReply = true;
  }
  if (faultFires(sim, service, forced, 'slow', rates.slowProbability)) {
    counts.slow++;
    const rule = forced.find((f) => f.fault === 'slow');
    response.extraLatencyMs = rule?.extraMs ?? intBetween(sim.choice, `${service}.slow`, 1, rates.slowExtraMsMax);
  }
  return response;
}
