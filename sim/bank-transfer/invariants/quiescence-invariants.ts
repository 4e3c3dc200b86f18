/**
 * Invariants checked once faults have healed and work has drained:
 * NoMoneyLost (totals back to the initial total, nothing in transit),
 * HonestAnswers for FAILED (no net movement once settled),
 * AllTransfersTerminal (no answer still PENDING) and ObligationsDischarged.
 */
import { inTransitMinor, knownTransferIds, type Finding, type GroundTruth } from './ground-truth.ts';

export function checkQuiescent(g: GroundTruth): Finding | null {
  const total = g.external.totalMinor() + g.ledger.totalMinor();
  for (const id of knownTransferIds(g)) {
    const owed = inTransitMinor(g, id);
    if (owed > 0) {
      return { invariant: 'NoMoneyLost', message: `${owed} of transfer ${id} is still neither credited nor returned after healing` };
    }
    const answers = g.book.definite.get(id);
    if (answers?.has('FAILED') === true && (g.external.netDebitedMinor(id) !== 0 || g.ledger.creditedMinor(id) !== 0)) {
      return {
        invariant: 'HonestAnswers',
        message: `transfer ${id} was answered FAILED but moved money (debited ${g.external.netDebitedMinor(id)}, credited ${g.ledger.creditedMinor(id)})`,
      };
    }
  }
  if (total !== g.initialTotalMinor) {
    return { invariant: 'NoMoneyLost', message: `external + internal = ${total} after healing, initial total ${g.initialTotalMinor}` };
  }
  const unsettled = g.book.unsettled();
  if (unsettled.length > 0) {
    return { invariant: 'AllTransfersTerminal', message: `still PENDING after healing: ${unsettled.join(', ')}` };
  }
  const owing = g.durableObligations();
  if (owing.length > 0) {
    return { invariant: 'ObligationsDischarged', message: `obligations left after healing: ${owing.join(', ')}` };
  }
  return null;
}
