/**
 * Accounts-advances' swarm: its fault kinds and what each means for the
 * configuration, and the workload of a seed (one advance repaid over twelve
 * weeks by a borrower living on a weekly salary, transfers between other
 * accounts, some racing on one account, report passes during bursts of
 * transfers). Switching kinds on and off and their rates are the kit's
 * (sim/kit/swarm-switches.ts); every draw comes from the `swarm` stream,
 * so a seed (or a recorded vector) replays its configuration. Timed faults
 * land around the instants payments are collected (the day after each
 * weekly due date), where they matter.
 */
import { DAY_MS, WEEK_MS } from '../../impl/accounts-advances/schema.ts';
import type { ChoiceSource } from '../choice/choice-source.ts';
import { drawSwitches, type Pick } from '../kit/swarm-switches.ts';
import { borrowerLife, calmAdvancesConfig, type AdvancesConfig, type ReportPlan, type TransferPlan } from './config.ts';
import type { AdvancesOptions } from './options.ts';

export const ADVANCES_FAULT_KINDS = [
  'crash',
  'service.outage',
  'worker.pause',
  'reply.lost',
  'queue.duplicate',
  'queue.lostAck',
  'queue.reorder',
  'db.restart',
  'db.slow',
  'db.connectionDrop',
  'db.lostCommitReply',
  'net.loss',
  'net.duplicate',
  'partition',
  'funds.short',
  'client.badAmount',
] as const;
type Kind = (typeof ADVANCES_FAULT_KINDS)[number];

const HOUR_MS = 3_600_000;
const ADVANCE_AT_MS = 1000;
/** Advances drawn: mostly whole weekly amounts, some that 12 does not divide. */
const ADVANCES_MINOR = [1200, 2400, 1212, 1000];
const OUTAGE_TARGETS = ['accounts', 'advances', 'beat', 'worker-1'];
const PARTITIONS: Array<[string, string]> = [['worker-1', 'accounts'], ['worker-1', 'broker'], ['worker-2', 'advances-db'], ['beat', 'advances-db'], ['accounts', 'accounts-db']];
const BAD_AMOUNTS = [(0.1 + 0.2) * 100, 1.15 * 100, 0, -100];

export function drawAdvancesSwarm(choice: ChoiceSource, options: AdvancesOptions): { config: AdvancesConfig; enabled: string[] } {
  const pick: Pick = (n) => choice.choose('data', 'swarm', n);
  const c = calmAdvancesConfig();
  c.isolation = options.isolation;
  const enabled = [`isolation=${options.isolation}`];
  let lateWeeks: number[] = [];
  enabled.push(
    ...drawSwitches(ADVANCES_FAULT_KINDS, pick, (kind, rate) => {
      if (kind === 'funds.short') lateWeeks = [1 + pick(12), 1 + pick(12)].slice(0, 1 + pick(2));
      else applyFault(c, kind, rate, pick);
    }),
  );
  const amount = ADVANCES_MINOR[pick(ADVANCES_MINOR.length)]!;
  const life = borrowerLife(ADVANCE_AT_MS, amount, Math.ceil(amount / 12), lateWeeks);
  c.advances = [life.advance];
  c.transfers = [...life.transfers, ...drawTransfers(pick, enabled.some((e) => e.startsWith('client.badAmount')))];
  c.reports = drawReports(pick, c.transfers);
  return { config: c, enabled };
}

/** An instant around a weekly collection: the beat's tick after a due date, give or take hours. */
function aroundCollection(pick: Pick): number {
  return ADVANCE_AT_MS + (1 + pick(12)) * WEEK_MS + DAY_MS - 2 * HOUR_MS + pick(12) * HOUR_MS;
}

function applyFault(c: AdvancesConfig, kind: Exclude<Kind, 'funds.short'>, rate: number, pick: Pick): void {
  const db = (f: (o: AdvancesConfig['accountsDb']) => AdvancesConfig['accountsDb']): void => {
    c.accountsDb = f(c.accountsDb);
    c.advancesDb = f(c.advancesDb);
  };
  switch (kind) {
    case 'crash':
      c.crash = { ...c.crash, probability: rate / 10, maxCrashes: 1 + pick(4) };
      return;
    case 'service.outage':
      c.crashes.push({ atMs: aroundCollection(pick), restartAfterMs: (1 + pick(12)) * HOUR_MS, process: OUTAGE_TARGETS[pick(OUTAGE_TARGETS.length)]! });
      return;
    case 'worker.pause':
      c.pauses = { pauseProbability: rate / 5, pauseMsMin: 60_000, pauseMsMax: 36 * HOUR_MS, maxPauses: 1 + pick(3) };
      return;
    case 'reply.lost':
      c.lostReplyProbability = rate;
      return;
    case 'queue.duplicate':
      c.broker = { ...c.broker, duplicateDeliveryProbability: rate };
      return;
    case 'queue.lostAck':
      c.broker = { ...c.broker, lostAckProbability: rate };
      return;
    case 'queue.reorder':
      c.broker = { ...c.broker, reorderProbability: rate };
      return;
    case 'db.restart':
      c.crashes.push({ atMs: aroundCollection(pick), restartAfterMs: 10 + pick(1000), process: pick(2) === 0 ? 'accounts-db' : 'advances-db' });
      return;
    case 'db.slow':
      db((o) => ({ ...o, slowStatementProbability: rate, slowStatementMsMax: 200 }));
      return;
    case 'db.connectionDrop':
      db((o) => ({ ...o, connectionDropProbability: rate / 5 }));
      return;
    case 'db.lostCommitReply':
      db((o) => ({ ...o, lostCommitReplyProbability: rate }));
      return;
    case 'net.loss':
      c.network.lossProbability = rate / 20;
      return;
    case 'net.duplicate':
      c.network.duplicateProbability = rate;
      c.network.duplicateDelayMsMax = 200;
      return;
    case 'partition': {
      const fromMs = aroundCollection(pick);
      c.partitions.push({ between: PARTITIONS[pick(PARTITIONS.length)]!, fromMs, toMs: fromMs + HOUR_MS + pick(24) * HOUR_MS });
      return;
    }
    case 'client.badAmount':
      return;
  }
}

/** 2 to 9 transfers among the other accounts over the thirteen weeks, some racing on one account, one bad amount if switched on. */
function drawTransfers(pick: Pick, badAmount: boolean): TransferPlan[] {
  const accounts = ['acct-a', 'acct-b', 'merchant'];
  const n = 2 + pick(8);
  const plans: TransferPlan[] = [];
  for (let i = 0; i < n; i++) {
    const prev = plans[i - 1];
    const racing = prev !== undefined && pick(3) === 0;
    const src = racing ? prev.src : accounts[pick(accounts.length)]!;
    const others = accounts.filter((a) => a !== src);
    const atMs = racing ? prev.atMs : DAY_MS + pick(13 * 7) * DAY_MS + pick(24) * HOUR_MS;
    plans.push({ atMs, key: `t${i + 1}`, src, dst: others[pick(others.length)]!, amountMinor: 100 * (1 + pick(8)), direction: 'debit' });
  }
  if (badAmount) plans.push({ atMs: DAY_MS + pick(13 * 7) * DAY_MS, key: 'bad', src: 'acct-a', dst: pick(4) === 0 ? 'acct-z' : 'acct-b', amountMinor: BAD_AMOUNTS[pick(BAD_AMOUNTS.length)]!, direction: 'debit' });
  return plans;
}

/** 0 to 2 report passes, each paging 1 to 3 rows at a time through a burst of transfers that starts with it. */
function drawReports(pick: Pick, transfers: TransferPlan[]): ReportPlan[] {
  const reports: ReportPlan[] = [];
  for (let r = 0; r < pick(3); r++) {
    const atMs = 2 * DAY_MS + pick(12 * 7) * DAY_MS;
    const n = 6 + pick(15);
    for (let i = 0; i < n; i++) {
      const src = i % 2 === 0 ? 'acct-a' : 'acct-b';
      transfers.push({ atMs: atMs + i * (1 + pick(10)), key: `r${r + 1}-${i + 1}`, src, dst: src === 'acct-a' ? 'acct-b' : 'acct-a', amountMinor: 10, direction: 'debit' });
    }
    reports.push({ atMs, limit: 1 + pick(3) });
  }
  return reports;
}
