/** The reference bank-transfer design: durable intent, client references, status checks, durable reversal outbox. */
import type { BankTransferDesign } from '../contract.ts';
import { ACTIVE_PREFIX, asRecord, owesWork, transferKey } from './records.ts';
import { ReferenceCoordinator } from './reference-coordinator.ts';

export const referenceDesign: BankTransferDesign = {
  name: 'reference',
  description: 'durable intent, client references, status query before retry, durable reversal outbox, surplus applications undone, 150 ms answer budget',
  create: (ports) => new ReferenceCoordinator(ports),
  durableObligations(view) {
    const owed: string[] = [];
    for (const [key] of view.scan(ACTIVE_PREFIX)) {
      const id = key.slice(ACTIVE_PREFIX.length);
      const record = asRecord(view.get(transferKey(id)));
      if (record !== undefined && owesWork(record)) owed.push(id);
    }
    return owed;
  },
};
