/**
 * Fund-investment's swarm: its fault kinds and what each means for the
 * configuration, and the balances, funds and workload of a seed
 * (investments at and around each fund's minimum, funds with few seats,
 * investors racing each other for the last seat, an investor racing
 * themself, top-ups from outside). Switching kinds on and off and their
 * rates are the kit's (sim/kit/swarm-switches.ts). Every draw comes from
 * the `swarm` stream, so a seed (or a recorded vector) replays its
 * configuration.
 */
import type { ChoiceSource } from '../choice/choice-source.ts';
import type { Pick } from '../kit/swarm-switches.ts';
import { DB_FAULT_KINDS, isDbFaultKind, isNetFaultKind, NET_FAULT_KINDS, withDbFault, withNetFault } from '../kit/infra-faults.ts';
import { drawSwitches } from '../kit/swarm-switches.ts';
import { calmFundConfig, type FundConfig, type InvestmentPlan } from './config.ts';
import type { TopUp } from './investor-service.ts';
import type { FundOptions } from './options.ts';

export const FUND_FAULT_KINDS = [
  'crash',
  'cache.restart',
  'cache.stale',
  'cache.lostInvalidation',
  'queue.reorder',
  'queue.duplicate',
  'queue.lostAck',
  'queue.shortVisibility',
  'db.restart',
  ...DB_FAULT_KINDS,
  'investors.down',
  'investors.error',
  'investors.lostReply',
  'funds.down',
  'funds.error',
  'funds.lostReply',
  'funds.refuse',
  'notifications.down',
  'notifications.lostReply',
  ...NET_FAULT_KINDS,
  'partition',
] as const;
type Kind = (typeof FUND_FAULT_KINDS)[number];

const FAULT_PHASE_MS = 10_000;
const PARTITION_TARGETS = ['db', 'queue', 'investors', 'funds', 'cache'];

export function drawFundSwarm(choice: ChoiceSource, options: FundOptions): { config: FundConfig; enabled: string[] } {
  const pick: Pick = (n) => choice.choose('data', 'swarm', n);
  const c = calmFundConfig();
  c.isolation = options.isolation;
  const mode = options.investorMode === 'mixed' ? (pick(2) === 0 ? 'idempotent' : 'non-idempotent') : options.investorMode;
  c.investorService.mode = mode;
  const enabled = [`isolation=${options.isolation}`, `investorMode=${mode}`];
  enabled.push(...drawSwitches(FUND_FAULT_KINDS, pick, (kind, rate) => applyFault(c, kind, rate, pick)));
  for (const a of c.investors) a.balanceMinor = 100 * (1 + pick(5));
  c.funds = c.funds.map((f) => ({ ...f, seats: 1 + pick(3) }));
  c.workload = drawWorkload(c, pick);
  c.topUps = drawTopUps(c, pick);
  return { config: c, enabled };
}

/** A window of the fault phase: starts at a drawn instant and lasts 100 ms to 3 s. */
function window(pick: Pick): { fromMs: number; toMs: number } {
  const fromMs = 100 * pick(FAULT_PHASE_MS / 100);
  return { fromMs, toMs: fromMs + 100 + pick(2900) };
}

function applyFault(c: FundConfig, kind: Kind, rate: number, pick: Pick): void {
  if (isDbFaultKind(kind)) {
    c.db = withDbFault(c.db, kind, rate);
    return;
  }
  if (isNetFaultKind(kind)) {
    c.network = withNetFault(c.network, kind, rate);
    return;
  }
  switch (kind) {
    case 'crash':
      c.crash = { ...c.crash, probability: rate / 10, maxCrashes: 1 + pick(4) };
      return;
    case 'cache.restart':
      for (let i = 0; i <= pick(3); i++) c.crashes.push({ atMs: 100 * pick(FAULT_PHASE_MS / 100), restartAfterMs: 10 + pick(500), process: 'cache' });
      return;
    case 'cache.stale':
      c.cache = { ...c.cache, staleReadProbability: rate, stalenessMsMax: 5000 };
      return;
    case 'cache.lostInvalidation':
      c.cache = { ...c.cache, lostInvalidationProbability: rate };
      return;
    case 'queue.reorder':
      c.queue = { ...c.queue, reorderProbability: rate };
      return;
    case 'queue.duplicate':
      c.queue = { ...c.queue, duplicateDeliveryProbability: rate };
      return;
    case 'queue.lostAck':
      c.queue = { ...c.queue, lostAckProbability: rate };
      return;
    case 'queue.shortVisibility':
      // 10 s at the lowest rate down to 200 ms at the highest: a message comes back while a worker still holds it.
      c.queue = { ...c.queue, visibilityTimeoutMs: Math.round(100 / rate) };
      return;
    case 'db.restart':
      c.crashes.push({ atMs: 100 * pick(FAULT_PHASE_MS / 100), restartAfterMs: 10 + pick(1000), process: 'db' });
      return;
    case 'investors.down':
      c.investorService.downWindows.push(window(pick));
      return;
    case 'investors.error':
      c.investorService = { ...c.investorService, errorBeforeProbability: rate / 2, errorAfterProbability: rate / 2 };
      return;
    case 'investors.lostReply':
      c.investorService = { ...c.investorService, lostReplyProbability: rate };
      return;
    case 'funds.down':
      c.fundService.downWindows.push(window(pick));
      return;
    case 'funds.error':
      c.fundService = { ...c.fundService, errorBeforeProbability: rate / 2, errorAfterProbability: rate / 2 };
      return;
    case 'funds.lostReply':
      c.fundService = { ...c.fundService, lostReplyProbability: rate };
      return;
    case 'funds.refuse':
      c.fundService = { ...c.fundService, refuseProbability: rate };
      return;
    case 'notifications.down':
      c.notifications.downWindows.push(window(pick));
      return;
    case 'notifications.lostReply':
      c.notifications = { ...c.notifications, lostReplyProbability: rate };
      return;
    case 'partition':
      c.partitions.push({ between: [c.nodes[pick(c.nodes.length)]!, PARTITION_TARGETS[pick(PARTITION_TARGETS.length)]!], ...window(pick) });
  }
}

/**
 * 2 to 8 investments at and around the fund's minimum (50 below it up to
 * 100 above it); some start together into one fund (racing for its last
 * seat), some together from one investor (racing themself).
 */
function drawWorkload(c: FundConfig, pick: Pick): InvestmentPlan[] {
  const n = 2 + pick(7);
  const plans: InvestmentPlan[] = [];
  for (let i = 0; i < n; i++) {
    const prev = plans[i - 1];
    const race = prev === undefined ? 0 : pick(4);
    const fund = race === 1 && prev !== undefined ? prev.fund : c.funds[pick(c.funds.length)]!.id;
    const investor = race === 2 && prev !== undefined ? prev.investor : c.investors[pick(c.investors.length)]!.id;
    const atMs = race > 0 && race < 3 && prev !== undefined ? prev.atMs : 50 * pick(100);
    const minimum = c.funds.find((f) => f.id === fund)!.minimumMinor;
    plans.push({ atMs, key: `k${i + 1}`, investor, fund, amountMinor: minimum + 50 * (pick(4) - 1) });
  }
  return plans;
}

/** Up to two top-ups from outside into investors' accounts during the fault phase. */
function drawTopUps(c: FundConfig, pick: Pick): TopUp[] {
  const out: TopUp[] = [];
  for (let i = pick(3); i > 0; i--) out.push({ atMs: 50 * pick(FAULT_PHASE_MS / 50), investor: c.investors[pick(c.investors.length)]!.id, amountMinor: 100 * (1 + pick(3)) });
  return out;
}
