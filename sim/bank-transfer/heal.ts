/**
 * The end of the fault phase for bank-transfer: every fault rate of the
 * network and the fakes drops to zero, partitions and downtime end (the
 * world kit restarts a crashed coordinator), so that only liveness remains
 * to be shown.
 */
import type { ExternalInstitution } from '../fakes/external-institution.ts';
import type { InternalLedger } from '../fakes/internal-ledger.ts';
import type { Network } from '../net/network.ts';

export function healWorld(net: Network, external: ExternalInstitution, ledger: InternalLedger): void {
  net.options = { ...net.options, lossProbability: 0, duplicateProbability: 0, slowProbability: 0, lateRequestProbability: 0 };
  net.partitions.healAll();
  external.options = {
    ...external.options,
    downWindows: [],
    unavailableProbability: 0,
    errorBeforeProbability: 0,
    errorAfterProbability: 0,
    lostReplyProbability: 0,
    slowProbability: 0,
  };
  ledger.options = { ...ledger.options, rejectProbability: 0, rateLimitProbability: 0, lostReplyProbability: 0, slowProbability: 0 };
}
