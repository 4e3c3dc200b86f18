/**
 * The end of the fault phase for bank-transfer: every fault rate of the
 * network and the fakes drops to zero, partitions and downtime end (the
 * world kit restarts a crashed coordinator), so that only liveness remains
 * to be shown.
 */
import type { ExternalInstitution } from '../fakes/external-institution.ts';
import type { InternalLedger } from '../fakes/internal-ledger.ts';
import { withoutFaults } from '../kit/without-faults.ts';
import type { Network } from '../net/network.ts';

export function healWorld(net: Network, external: ExternalInstitution, ledger: InternalLedger): void {
  net.options = withoutFaults(net.options);
  net.partitions.healAll();
  external.options = { ...withoutFaults(external.options), downWindows: [] };
  ledger.options = withoutFaults(ledger.options);
}
