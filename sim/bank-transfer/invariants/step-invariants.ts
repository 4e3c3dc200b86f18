/**
 * Invariants checked after every event, against ground truth:
 * NoOverdraft, NoMoneyCreated, NoOrphanedMoney and the immediate half of
 * HonestAnswers (a SUCCESS must already be credited; answers never contradict).
 */
import type { TransferAnswer } from '../../../impl/bank-transfer/contract.ts';
import { inTransitMinor, type Finding, type GroundTruth } from './ground-truth.ts';

export function checkStep(g: GroundTruth): Finding | null {
  return noOverdraft(g) ?? noMoneyCreated(g) ?? noOrphanedMoney(g);
}

function noOverdraft(g: GroundTruth): Finding | null {
  for (const [account, balance] of g.external.balances) {
    if (balance < 0) return { invariant: 'NoOverdraft', message: `external account ${account} is at ${balance}` };
  }
  for (const [user, balance] of g.ledger.balances) {
    if (balance < 0) return { invariant: 'NoOverdraft', message: `internal balance of ${user} is at ${balance}` };
  }
  return null;
}

function noMoneyCreated(g: GroundTruth): Finding | null {
  const total = g.external.totalMinor() + g.ledger.totalMinor();
  if (total > g.initialTotalMinor) {
    return {
      invariant: 'NoMoneyCreated',
      message: `external + internal = ${total}, more than the initial ${g.initialTotalMinor}`,
    };
  }
  for (const id of g.ledger.credits.keys()) {
    const credited = g.ledger.creditedMinor(id);
    const debited = g.external.netDebitedMinor(id);
    if (credited > debited) {
      return {
        invariant: 'NoMoneyCreated',
        message: `transfer ${id} is credited ${credited} but only ${debited} is out of the external account`,
      };
    }
  }
  return null;
}

function noOrphanedMoney(g: GroundTruth): Finding | null {
  let covered: Set<string> | null = null;
  for (const id of g.external.references.keys()) {
    const owed = inTransitMinor(g, id);
    if (owed <= 0) continue;
    covered ??= new Set([...g.durableObligations(), ...g.heldInMemory()]);
    if (!covered.has(id)) {
      return {
        invariant: 'NoOrphanedMoney',
        message: `${owed} of transfer ${id} left the external account, is neither credited nor returned, and no durable obligation covers it`,
      };
    }
  }
  return null;
}

/** Checked when an answer reaches the client. */
export function checkAnswer(g: GroundTruth, answer: TransferAnswer): Finding | null {
  const id = answer.transferId;
  if (answer.status === 'SUCCESS' && g.ledger.creditedMinor(id) <= 0) {
    return { invariant: 'HonestAnswers', message: `transfer ${id} was answered SUCCESS but is not credited` };
  }
  const seen = g.book.definite.get(id);
  if (seen !== undefined && seen.size > 1) {
    return { invariant: 'HonestAnswers', message: `transfer ${id} was answered both SUCCESS and FAILED` };
  }
  return null;
}
