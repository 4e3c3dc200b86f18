/**
 * Swarm testing: each seed switches on its own random subset of fault kinds,
 * each at its own rate, and draws its own workload. Runs that hammer one
 * fault hard find bugs that a run spreading every fault thinly never reaches.
 * All draws come from the `swarm` stream of the choice source, so the
 * configuration is part of what a seed (or a recorded vector) replays.
 */
import type { ChoiceSource } from '../choice/choice-source.ts';
import { calmConfig } from './default-config.ts';
import type { BankTransferConfig, TransferPlan } from './world-config.ts';

const RATES = [0.01, 0.05, 0.2] as const;

/** The fault kinds a seed may switch on; each becomes a probability or a window. */
export const SWARM_FAULT_KINDS = [
  'crash',
  'net.loss',
  'net.duplicate',
  'net.slow',
  'partition',
  'external.down',
  'external.errorBefore',
  'external.errorAfter',
  'external.lostReply',
  'external.slow',
  'ledger.reject',
  'ledger.rateLimit',
  'ledger.lostReply',
  'ledger.slow',
] as const;

export interface SwarmDraw {
  config: BankTransferConfig;
  /** Human-readable `kind=rate` pairs of what this seed switched on. */
  enabled: string[];
}

export function drawSwarmConfig(choice: ChoiceSource): SwarmDraw {
  const pick = (n: number): number => choice.choose('data', 'swarm', n);
  const c = calmConfig();
  const enabled: string[] = [];
  c.external.mode = pick(2) === 0 ? 'idempotent' : 'non-idempotent';
  c.external.allowNegativeBalance = pick(2) === 1;
  enabled.push(`external.mode=${c.external.mode}`);
  if (c.external.allowNegativeBalance) enabled.push('external.allowNegativeBalance');
  for (const kind of SWARM_FAULT_KINDS) {
    if (pick(2) === 0) continue;
    // Duplicating requests to a non-idempotent endpoint is a fault no coordinator can mask.
    if (kind === 'net.duplicate' && c.external.mode === 'non-idempotent') continue;
    const rate = RATES[pick(RATES.length)]!;
    applyFault(c, kind, rate, pick);
    enabled.push(`${kind}=${rate}`);
  }
  c.workload = drawWorkload(pick, c.external.allowNegativeBalance);
  // Small balances make the overdraft of seed 003 reachable with a few presses.
  if (c.external.allowNegativeBalance) for (const a of c.accounts) a.balanceMinor = 1_000;
  return { config: c, enabled };
}

function applyFault(c: BankTransferConfig, kind: (typeof SWARM_FAULT_KINDS)[number], rate: number, pick: (n: number) => number): void {
  switch (kind) {
    case 'crash':
      c.crash = { ...c.crash, probability: rate / 2, maxCrashes: 1 + pick(3) };
      break;
    case 'net.loss':
      c.network.lossProbability = rate / 2;
      break;
    case 'net.duplicate':
      c.network.duplicateProbability = rate;
      break;
    case 'net.slow':
      c.network = { ...c.network, slowProbability: rate, slowExtraMsMax: 300 };
      break;
    case 'partition': {
      const fromMs = 100 * pick(20);
      const peer = pick(2) === 0 ? 'external' : 'ledger';
      c.partitions.push({ between: ['api', peer], fromMs, toMs: fromMs + 100 + 100 * pick(20) });
      break;
    }
    case 'external.down': {
      const fromMs = 100 * pick(20);
      c.external.downWindows.push({ fromMs, toMs: fromMs + 200 + 200 * pick(10) });
      break;
    }
    case 'external.errorBefore':
      c.external.errorBeforeProbability = rate;
      break;
    case 'external.errorAfter':
      c.external.errorAfterProbability = rate;
      break;
    case 'external.lostReply':
      c.external.lostReplyProbability = rate;
      break;
    case 'external.slow':
      c.external = { ...c.external, slowProbability: rate, slowExtraMsMax: 400 };
      break;
    case 'ledger.reject':
      c.ledger.rejectProbability = rate * 2;
      break;
    case 'ledger.rateLimit':
      c.ledger.rateLimitProbability = rate;
      break;
    case 'ledger.lostReply':
      c.ledger.lostReplyProbability = rate;
      break;
    case 'ledger.slow':
      c.ledger = { ...c.ledger, slowProbability: rate, slowExtraMsMax: 400 };
      break;
  }
}

/**
 * Draws the transfers of one seed. Where the institution lets balances go
 * negative, each account gets at most one planned transfer no larger than
 * its balance, so a design that never moves money it should not cannot
 * overdraw; a design that lets a user press again while money is still out
 * can (seed 003).
 */
function drawWorkload(pick: (n: number) => number, allowNegative: boolean): TransferPlan[] {
  const plans: TransferPlan[] = [];
  const count = allowNegative ? 1 + pick(2) : 1 + pick(4);
  for (let i = 0; i < count; i++) {
    plans.push({
      atMs: 50 * pick(40),
      accountId: allowNegative ? `ext-${i + 1}` : pick(2) === 0 ? 'ext-1' : 'ext-2',
      amountMinor: allowNegative ? 100 * (1 + pick(5)) : 100 * (1 + pick(50)),
      pressAgainMax: pick(4),
    });
  }
  return plans;
}
