/**
 * Accounts-advances' built-in scenarios: each a configuration built from
 * the calm world (a borrower taking an advance of 1200, paid a salary a day
 * before each of the twelve payments falls due) plus the one fault it is
 * about, a seed, and the outcome each built-in design must give.
 * `moneysim scenarios accounts-advances` runs them and fails if any outcome
 * differs.
 */
import { DAY_MS, WEEK_MS } from '../../impl/accounts-advances/schema.ts';
import { fails, OK, type ScenarioEntry } from '../kit/scenario-entry.ts';
import type { AdvancesConfig } from './config.ts';
import { burst, FIRST_COLLECTION_MS, RACE, withSavings, world } from './scenario-worlds.ts';

export type AdvancesScenario = ScenarioEntry<AdvancesConfig>;


const SCENARIOS: readonly AdvancesScenario[] = [
  {
    name: 'happy-path',
    description: 'an advance of 1200 repaid in twelve weekly payments of 100, transfers and a report, no faults',
    seed: 1,
    config: world((c) => {
      c.transfers.push(...burst(3 * DAY_MS, 4, 1000));
      c.reports = [{ atMs: 4 * DAY_MS, limit: 2 }];
    }),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'crash-after-debit-before-payment-row',
    description: "the seed's stated risk: the worker dies as the debit's answer arrives, before it updates the payment row; the broker hands the task out again",
    seed: 1,
    config: world((c) => {
      withSavings(c);
      // The first bankTransaction answer is the grant's (to the advances API); the second, the first debit's, reaches a worker.
      c.crashes = [{ on: { phase: 'reply', method: 'bankTransaction', nth: 2 }, restartAfterMs: 1000 }];
    }),
    expect: { reference: OK, naive: fails('CollectedAtMostOnce') },
  },
  {
    name: 'task-delivered-to-two-workers',
    description: 'the broker delivers every payment task twice: the second worker receives it while the first is still collecting',
    seed: 1,
    config: world((c) => {
      withSavings(c);
      c.broker = { ...c.broker, duplicateDeliveryProbability: 1 };
    }),
    expect: { reference: OK, naive: fails('CollectedAtMostOnce') },
  },
  {
    name: 'worker-stalls-past-its-lease',
    description: 'the worker holding payment 1 stalls for 30 hours just before collecting it (its lease lasts 5 minutes); the other worker takes the task over, and the first then carries on',
    seed: 1,
    config: world((c) => {
      withSavings(c);
      c.scriptedPauses = [{ method: 'bankTransaction', nth: 1, forMs: 30 * 3_600_000 }];
    }),
    expect: { reference: OK, naive: fails('CollectedAtMostOnce') },
  },
  {
    name: 'insufficient-funds-week-5',
    description: "the salary of week 5 comes three days late: payment 5 fails and is added to payment 6",
    seed: 1,
    config: world(() => undefined, 1200, [5]),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'last-payment-fails',
    description: 'the salary of week 12 comes late: the last payment fails and a thirteenth payment is created a week later',
    seed: 1,
    config: world(() => undefined, 1200, [12]),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'report-while-transfers-arrive',
    description: 'a report paged two rows at a time while forty transfers (refused for want of funds, so recorded as failed) commit, one every 5 ms',
    seed: 1,
    config: world((c) => {
      c.transfers.push(...burst(3 * DAY_MS, 6, 1000), ...burst(4 * DAY_MS, 40, 5, 1_000_000).map((t) => ({ ...t, key: `${t.key}b` })));
      c.reports = [{ atMs: 4 * DAY_MS, limit: 2 }];
    }),
    expect: { reference: OK, naive: fails('ReportSnapshot') },
  },
  {
    name: 'float-amount',
    description: 'a caller converts the seed\'s float amounts to minor units in floating point: (0.1 + 0.2) * 100 and 1.15 * 100',
    seed: 1,
    config: world((c) => {
      c.transfers.push(
        { atMs: 500, key: 'float-1', src: 'acct-a', dst: 'merchant', amountMinor: (0.1 + 0.2) * 100, direction: 'debit' },
        { atMs: 600, key: 'float-2', src: 'merchant', dst: 'acct-b', amountMinor: 1.15 * 100, direction: 'credit' },
      );
    }),
    expect: { reference: OK, naive: fails('MoneyConserved') },
  },
  {
    name: 'bad-input',
    description: 'transfers of zero, of a negative amount and to an unknown account',
    seed: 1,
    config: world((c) => {
      c.transfers.push(
        { atMs: DAY_MS, key: 'zero', src: 'acct-a', dst: 'acct-b', amountMinor: 0, direction: 'debit' },
        { atMs: DAY_MS + 1000, key: 'negative', src: 'merchant', dst: 'acct-b', amountMinor: -1500, direction: 'debit' },
        { atMs: DAY_MS + 2000, key: 'unknown', src: 'acct-a', dst: 'acct-z', amountMinor: 10, direction: 'debit' },
      );
    }),
    expect: { reference: OK, naive: fails('NoNegativeBalance') },
  },
  {
    name: 'racing-transfers-read-committed',
    description: 'two transfers of 800 race on acct-a (balance 1000) in opposite directions of the API, at read committed',
    seed: 1,
    config: world((c) => {
      c.network = { ...c.network, latencyMsMin: 2, latencyMsMax: 2 };
      c.transfers.push(...RACE);
    }),
    expect: { reference: OK, naive: fails('MoneyConserved') },
  },
  {
    name: 'racing-transfers-serializable',
    description: 'the same race at serializable: the second writer gets a serialization failure and retries',
    seed: 1,
    config: world((c) => {
      c.isolation = 'serializable';
      c.network = { ...c.network, latencyMsMin: 2, latencyMsMax: 2 };
      c.transfers.push(...RACE);
    }),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'advance-not-divisible-by-12',
    description: 'an advance of 1000: twelve payments of 1000 / 12 in floating point add up to no whole advance',
    seed: 1,
    config: world(() => undefined, 1000),
    expect: { reference: OK, naive: fails('PaymentsAddUp') },
  },
  {
    name: 'lost-replies-between-services',
    description: "for the first eight days every answer of the accounts manager to the advances service is lost: the grant's, and payment 1's",
    seed: 1,
    config: world((c) => {
      c.lostReplyProbability = 1;
      c.faultPhaseMs = 8 * DAY_MS + 12 * 3_600_000;
      c.livenessPhaseMsMax = 14 * WEEK_MS;
    }),
    expect: { reference: OK, naive: fails('ExactlyOncePerKey') },
  },
  {
    name: 'beat-down-at-a-tick',
    description: 'the beat is down over the tick at which payment 1 would be handed out',
    seed: 1,
    config: world((c) => {
      c.crashes = [{ atMs: FIRST_COLLECTION_MS - 60_000, restartAfterMs: 2 * 3_600_000, process: 'beat' }];
    }),
    expect: { reference: OK, naive: fails('AdvanceRepaid') },
  },
  {
    name: 'accounts-manager-down',
    description: 'the accounts manager is down for six hours while payment 1 is collected; workers retry',
    seed: 1,
    config: world((c) => {
      c.crashes = [{ atMs: FIRST_COLLECTION_MS - 60_000, restartAfterMs: 6 * 3_600_000, process: 'accounts' }];
    }),
    expect: { reference: OK, naive: OK },
  },
];

export function advancesScenarios(): readonly AdvancesScenario[] {
  return SCENARIOS;
}

export function findAdvancesScenario(name: string): AdvancesScenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
