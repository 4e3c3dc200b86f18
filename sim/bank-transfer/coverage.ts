/**
 * What a run actually exercised: faults that fired and "sometimes" probes
 * that were hit. A sweep in which a fault kind or probe never fired has
 * tested nothing about it, and the report says so.
 */
import type { ExternalInstitution } from '../fakes/external-institution.ts';
import type { InternalLedger } from '../fakes/internal-ledger.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network } from '../net/network.ts';
import type { CrashPolicy } from '../kit/crash-policy.ts';
import type { MobileClient } from './mobile-client.ts';

/** Probes every bank-transfer sweep is expected to hit somewhere. */
export const BANK_TRANSFER_PROBES = ['reversal', 'reply-lost', 'coordinator-crash', 'pending-answer', 'press-again'] as const;

export interface CoverageInput {
  sim: Simulator;
  net: Network;
  external: ExternalInstitution;
  ledger: InternalLedger;
  api: SimProcess;
  client: MobileClient;
  crashes: CrashPolicy;
}

export function collectCoverage(c: CoverageInput): { faultsFired: Record<string, number>; probes: Record<string, number> } {
  const faultsFired: Record<string, number> = {
    'crash': c.api.crashes,
    'net.loss': c.net.counts.lost,
    'net.duplicate': c.net.counts.duplicated,
    'net.lateRequest': c.net.counts.lateRequests,
    'net.partitioned': c.net.counts.partitioned,
    'external.down': c.external.counts.down,
    'external.unavailable': c.external.counts.unavailable,
    'external.errorBefore': c.external.counts.errorBefore,
    'external.errorAfter': c.external.counts.errorAfter,
    'external.lostReply': c.external.counts.lostReplies,
    'external.slow': c.external.counts.slow,
    'ledger.reject': c.ledger.counts.rejected,
    'ledger.rateLimit': c.ledger.counts.rateLimited,
    'ledger.lostReply': c.ledger.counts.lostReplies,
    'ledger.slow': c.ledger.counts.slow,
  };
  let undos = 0;
  for (const r of c.external.references.values()) undos += r.undone;
  const plans = c.client.presses;
  const probes: Record<string, number> = {
    'reversal': undos,
    'reply-lost': c.net.counts.lostReplies + c.net.counts.lost,
    'coordinator-crash': c.api.crashes,
    'pending-answer': c.client.pendingAnswers,
    'press-again': Math.max(0, plans - c.client.plansStarted),
  };
  return { faultsFired, probes };
}
