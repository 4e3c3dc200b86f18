/**
 * What the invariants look at: the fakes' own books (never what the
 * coordinator believes), the coordinator's committed obligations, and the
 * answers the client received.
 */
import type { TransferAnswer } from '../../../impl/bank-transfer/contract.ts';
import type { ExternalInstitution } from '../../fakes/external-institution.ts';
import type { InternalLedger } from '../../fakes/internal-ledger.ts';
import type { AnswerBook } from '../answer-book.ts';

export interface GroundTruth {
  external: ExternalInstitution;
  ledger: InternalLedger;
  book: AnswerBook;
  initialTotalMinor: number;
  /** Each external account's balance before the run. */
  initialBalances: ReadonlyMap<string, number>;
  /** Transfer ids covered by committed records that recovery will finish. */
  durableObligations(): readonly string[];
  /** Transfer ids the live coordinator holds in memory (empty while it is down). */
  heldInMemory(): readonly string[];
}

export type { Finding } from '../../kit/world-run.ts';

/** Every transfer id any party knows of, in a stable order. */
export function knownTransferIds(g: GroundTruth): string[] {
  const ids = new Set<string>();
  for (const id of g.external.references.keys()) ids.add(id);
  for (const id of g.ledger.credits.keys()) ids.add(id);
  for (const id of g.book.latest.keys()) ids.add(id);
  return [...ids].sort();
}

/** Money that left the external account and is neither credited nor returned. */
export function inTransitMinor(g: GroundTruth, id: string): number {
  return g.external.netDebitedMinor(id) - g.ledger.creditedMinor(id);
}

export function describeAnswer(a: TransferAnswer): string {
  return `${a.status}${a.code !== undefined ? ` (${a.code})` : ''}`;
}
