/**
 * Bank-transfer's swarm: the institution's mode, its fault kinds and what
 * each means for the configuration, and the accounts and workload of a
 * seed. The switching on and off and the rates are the kit's
 * (sim/kit/swarm-switches.ts). All draws come from the `swarm` stream of the
 * choice source, so the configuration is part of what a seed (or a recorded
 * vector) replays.
 */
import type { ChoiceSource } from '../choice/choice-source.ts';
import { drawRate, drawSwitches } from '../kit/swarm-switches.ts';
import { calmConfig } from './default-config.ts';
import type { AccountSpec, BankTransferConfig, TransferPlan } from './world-config.ts';

/** The fault kinds a seed may switch on; each becomes a probability or a window. */
export const SWARM_FAULT_KINDS = [
  'crash',
  'net.loss',
  'net.duplicate',
  'net.slow',
  'net.lateRequest',
  'partition',
  'external.down',
  'external.unavailable',
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
  enabled.push(...drawSwitches(SWARM_FAULT_KINDS, pick, (kind, rate) => applyFault(c, kind, rate, pick)));
  if (c.network.duplicateProbability > 0 && c.external.mode === 'non-idempotent' && c.external.allowNegativeBalance) {
    // A duplicated non-idempotent cash-out applies twice before anyone can react; at an
    // institution that lets balances go negative that overdraws by itself, whatever the
    // coordinator does. Such an institution refuses instead, and the coordinator must
    // reconcile the surplus applications that do go through.
    c.external.allowNegativeBalance = false;
    enabled.splice(enabled.indexOf('external.allowNegativeBalance'), 1);
  }
  if (c.external.allowNegativeBalance && c.ledger.rejectProbability === 0) {
    // A world whose institution lets balances go negative is seed 003's exercise: what
    // overdraws there is a user pressing again while a rejected credit is being reversed,
    // so the internal store always rejects some credits in it.
    const rate = drawRate(pick);
    applyFault(c, 'ledger.reject', rate, pick);
    enabled.push(`ledger.reject=${rate}`);
  }
  const drawn = drawWorkload(pick, c.external.allowNegativeBalance);
  c.accounts = drawn.accounts;
  c.workload = drawn.plans;
  // Some users press again at once, others after a moment.
  c.client.pressAgainDelayMs = pick(2) === 0 ? 0 : 20;
  enabled.push(`accounts=${drawn.layout}`);
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
      // A copy right behind its original races it; a copy a second late outlives expiries.
      c.network.duplicateDelayMsMax = [20, 200, 1000][pick(3)]!;
      break;
    case 'net.slow':
      c.network = { ...c.network, slowProbability: rate, slowExtraMsMax: 300 };
      break;
    case 'net.lateRequest':
      c.network.lateRequestProbability = rate / 2;
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
    case 'external.unavailable':
      c.external.unavailableProbability = rate;
      break;
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

/** Who owns which external account in a seed's world. */
const LAYOUTS = ['own', 'joint', 'multi'] as const;

/**
 * Draws the accounts and transfers of one seed. Layouts: every user owns one
 * account (`own`), two users share one account (`joint`), or one user owns
 * two accounts (`multi`). Balances are tight: where the institution lets
 * balances go negative, each account holds exactly the sum of the first
 * presses planned on it, so any money moved twice (a press again while money
 * is still out, seed 003, or two racing transfers) overdraws at once, and a
 * correct coordinator never does. Elsewhere an account holds that sum plus
 * zero to two transfers' worth, so that some refusals for insufficient funds
 * and some surplus applications of a duplicated request both happen.
 */
function drawWorkload(pick: (n: number) => number, allowNegative: boolean): { accounts: AccountSpec[]; plans: TransferPlan[]; layout: string } {
  const layout = LAYOUTS[pick(LAYOUTS.length)]!;
  const owners: Array<{ accountId: string; userId: string }> =
    layout === 'own' ? [{ accountId: 'ext-1', userId: 'user-1' }, { accountId: 'ext-2', userId: 'user-2' }]
    : layout === 'joint' ? [{ accountId: 'ext-1', userId: 'user-1' }, { accountId: 'ext-1', userId: 'user-2' }, { accountId: 'ext-2', userId: 'user-3' }]
    : [{ accountId: 'ext-1', userId: 'user-1' }, { accountId: 'ext-2', userId: 'user-1' }];
  const plans: TransferPlan[] = [];
  const count = 1 + pick(4);
  for (let i = 0; i < count; i++) {
    const owner = owners[pick(owners.length)]!;
    // Half the presses race the one before: two transfers on one donor at almost the same instant.
    const atMs = i > 0 && pick(2) === 0 ? plans[i - 1]!.atMs + pick(20) : 50 * pick(40);
    // Where balances may go negative every user presses again after a failure (seed 003).
    const pressAgainMax = allowNegative ? 1 + pick(3) : pick(4);
    plans.push({ atMs, accountId: owner.accountId, userId: owner.userId, amountMinor: 100 * (1 + pick(5)), pressAgainMax });
  }
  const accounts: AccountSpec[] = owners.map((o) => ({ ...o, balanceMinor: 0 }));
  for (const id of new Set(owners.map((o) => o.accountId))) {
    const planned = plans.filter((p) => p.accountId === id).reduce((sum, p) => sum + p.amountMinor, 0);
    const balanceMinor = allowNegative ? planned : planned + 500 * pick(3);
    for (const a of accounts) if (a.accountId === id) a.balanceMinor = balanceMinor;
  }
  return { accounts, plans, layout };
}
