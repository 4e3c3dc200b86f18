/** The reference bank-transfer design: durable intent, client references, status checks, durable reversal outbox. */
import type { BankTransferDesign } from '../contract.ts';
import { ACTIVE_PREFIX, asRecord, OWING_STATES, transferKey } from './records.ts';
import { ReferenceCoordinator } from './reference-coordinator.ts';

export const referenceDesign: BankTransferDesign = {
  name: 'reference',
  description: 'durable intent, client references, status query before retry, durable reversal outbox, 150 ms answer budget',
  create: (ports) => new ReferenceCoordinator(ports),
  durableObligations(view) {
    const owed: string[] = [];
    for (const [key] of view.scan(ACTIVE_PREFIX)) {
      const id = key.slice(ACTIVE_PREFIX.length);
      const record = asRecord(view.get(transferKey(id)));
      if (record !== undefined && OWING_STATES.has(record.state)) owed.push(id);
    }
    return owed;
  },
};
