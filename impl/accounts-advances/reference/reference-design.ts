/**
 * The reference accounts-advances design: integer minor units everywhere,
 * transfers and bank transactions that are conditional, never half-applied
 * and idempotent by the caller's key, a report paged over a snapshot
 * cursor, grants confirmed before collection, payments leased with a
 * fencing token checked by the accounts manager, failed payments carried
 * forward atomically, and an exact reconciliation.
 */
import type { AccountsAdvancesDesign } from '../contract.ts';
import { ReferenceAccounts } from './accounts-manager.ts';
import { ReferenceAdvances } from './advances-api.ts';
import { ReferenceBeat } from './reference-beat.ts';
import { ReferenceWorker } from './reference-worker.ts';

export const referenceDesign: AccountsAdvancesDesign = {
  system: 'accounts-advances',
  name: 'reference',
  description: 'whole minor units, conditional idempotent movements, snapshot-cursor report, leases with fencing tokens checked by the manager, atomic carry-forward',
  accounts: (ports) => new ReferenceAccounts(ports),
  advances: (ports) => new ReferenceAdvances(ports),
  beat: (ports) => new ReferenceBeat(ports),
  worker: (ports) => new ReferenceWorker(ports),
};
