/**
 * Fund-investment's built-in scenarios: each a configuration built from the
 * calm world plus the one fault it is about, a seed, and the outcome each
 * built-in design must give. `moneysim scenarios fund-investment` runs them
 * and fails if any outcome differs.
 */
import { editedWorld, fails, OK, type ScenarioEntry } from '../kit/scenario-entry.ts';
import { calmFundConfig, type FundConfig } from './config.ts';

export type FundScenario = ScenarioEntry<FundConfig>;

/** By then the single investment of a scenario has been withdrawn (and not yet remitted) in every built-in design. */
const WITHDRAWN_BY_MS = 160;

/** The calm world with an edit applied. */
const world = editedWorld(calmFundConfig);

const ONE = { atMs: 0, key: 'k1', investor: 'inv-1', fund: 'fund-1', amountMinor: 100 };
const TWO = { atMs: 0, key: 'k2', investor: 'inv-2', fund: 'fund-1', amountMinor: 100 };

const SCENARIOS: readonly FundScenario[] = [
  {
    name: 'happy-path',
    description: 'three investors invest in two funds, no faults',
    seed: 1,
    config: world((c) => {
      c.workload = [ONE, { atMs: 0, key: 'k2', investor: 'inv-2', fund: 'fund-2', amountMinor: 300 }, { atMs: 50, key: 'k3', investor: 'inv-3', fund: 'fund-1', amountMinor: 150 }];
    }),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'last-seat-race',
    description: 'two investors invest the minimum at the same instant in a fund with one seat left',
    seed: 1,
    config: world((c) => {
      c.funds = [{ id: 'fund-1', minimumMinor: 100, seats: 1 }];
      c.workload = [ONE, TWO];
    }),
    expect: { reference: OK, naive: fails('NoOrphanedMoney') },
  },
  {
    name: 'remittance-rejected-after-withdrawal',
    description: 'the fund refuses the first remittance for good (a compliance hold) after the investor was debited',
    seed: 1,
    config: world((c) => {
      c.workload = [ONE];
      c.forced = [{ service: 'funds', method: 'remit', nth: 1, fault: 'reject' }];
    }),
    expect: { reference: OK, naive: fails('NoOrphanedMoney') },
  },
  {
    name: 'below-minimum-and-at-minimum',
    description: 'one investment 1 below the fund minimum and one exactly at it',
    seed: 1,
    config: world((c) => {
      c.workload = [{ ...ONE, amountMinor: 99 }, { ...TWO, amountMinor: 100 }];
    }),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'crash-between-commit-and-notification',
    description: 'a node crashes just before it handles the reply of the COMMIT that made the transaction terminal, before anyone was notified (the naive design\'s 4th statement reply; in the reference a first crash hits its 4th, a reservation\'s, and a second its terminal COMMIT\'s)',
    seed: 1,
    config: world((c) => {
      c.workload = [ONE];
      c.crashes = [
        { on: { phase: 'reply', method: 'execute', nth: 4 }, restartAfterMs: 500 },
        { on: { phase: 'reply', method: 'execute', nth: 15 }, restartAfterMs: 500 },
      ];
    }),
    expect: { reference: OK, naive: fails('NotifiedExactlyOnce') },
  },
  {
    name: 'duplicate-delivery-to-two-workers',
    description: 'for the first second every message stays visible when received, so both workers take the same transaction',
    seed: 1,
    config: world((c) => {
      c.workload = [ONE];
      c.queue = { ...c.queue, duplicateDeliveryProbability: 1 };
      c.faultPhaseMs = 1000;
    }),
    expect: { reference: OK, naive: fails('RemittedAtMostOnce') },
  },
  {
    name: 'optimistic-lock-conflict',
    description: "slow replies (the first seat reservation's, the first withdrawal's) outlast the queue's visibility timeout, so a second worker takes the transaction while the first still holds it; the version check tells the later writer",
    seed: 1,
    config: world((c) => {
      c.workload = [ONE];
      c.queue = { ...c.queue, visibilityTimeoutMs: 150 };
      c.forced = [
        { service: 'funds', method: 'reserve', nth: 1, fault: 'slow', extraMs: 300 },
        { service: 'investors', method: 'withdraw', nth: 1, fault: 'slow', extraMs: 300 },
      ];
    }),
    expect: { reference: OK, naive: fails('RemittedAtMostOnce') },
  },
  {
    name: 'stale-cached-balance',
    description: "the cache loses every invalidation: after a top-up it still shows the investor's old balance when they invest again",
    seed: 1,
    config: world((c) => {
      c.investors = c.investors.map((i) => (i.id === 'inv-1' ? { ...i, balanceMinor: 100 } : i));
      c.cache = { ...c.cache, lostInvalidationProbability: 1 };
      c.topUps = [{ atMs: 1000, investor: 'inv-1', amountMinor: 200 }];
      c.workload = [ONE, { ...ONE, atMs: 3000, key: 'k2', amountMinor: 150 }];
    }),
    expect: { reference: OK, naive: fails('HonestAnswers') },
  },
  {
    name: 'fund-service-down-during-remittance',
    description: 'the fund service is down for three seconds, starting after the investor was debited',
    seed: 1,
    config: world((c) => {
      c.workload = [ONE];
      c.fundService.downWindows = [{ fromMs: WITHDRAWN_BY_MS, toMs: WITHDRAWN_BY_MS + 3000 }];
    }),
    expect: { reference: OK, naive: fails('NoOrphanedMoney') },
  },
  {
    name: 'lost-withdrawal-reply-non-idempotent',
    description: 'the reply of the first withdrawal is lost and the investor service applies a repeated key again',
    seed: 1,
    config: world((c) => {
      c.workload = [ONE];
      c.investorService.mode = 'non-idempotent';
      c.forced = [{ service: 'investors', method: 'withdraw', nth: 1, fault: 'lose-reply' }];
    }),
    expect: { reference: OK, naive: fails('NoOrphanedMoney') },
  },
  {
    name: 'lost-withdrawal-reply-idempotent',
    description: 'the same lost reply against an idempotent investor service: a retry with the same key is answered, not applied',
    seed: 1,
    config: world((c) => {
      c.workload = [ONE];
      c.forced = [{ service: 'investors', method: 'withdraw', nth: 1, fault: 'lose-reply' }];
    }),
    expect: { reference: OK, naive: OK },
  },
  {
    name: 'duplicated-withdrawal-request',
    description: 'the network delivers the withdrawal request twice to a non-idempotent investor service',
    seed: 1,
    config: world((c) => {
      c.workload = [ONE];
      c.investorService.mode = 'non-idempotent';
      c.forced = [{ service: 'investors', method: 'withdraw', nth: 1, fault: 'duplicate-request', extraMs: 100 }];
    }),
    expect: { reference: OK, naive: fails('NoOrphanedMoney') },
  },
  {
    name: 'commit-reply-lost',
    description: "every COMMIT's reply is lost for the first 300 ms: the client retries the investment with the same key",
    seed: 1,
    config: world((c) => {
      c.workload = [ONE];
      c.db = { ...c.db, lostCommitReplyProbability: 1 };
      c.faultPhaseMs = 300;
    }),
    expect: { reference: OK, naive: fails('ExactlyOncePerKey') },
  },
  {
    name: 'notification-service-down',
    description: 'the notification service is down for five seconds around the end of the transaction',
    seed: 1,
    config: world((c) => {
      c.workload = [ONE];
      c.notifications.downWindows = [{ fromMs: 0, toMs: 5000 }];
    }),
    expect: { reference: OK, naive: fails('NotifiedExactlyOnce') },
  },
  {
    name: 'worker-crash-after-withdrawal',
    description: 'the worker crashes just before it handles the reply of the withdrawal; the message comes back to a worker',
    seed: 1,
    config: world((c) => {
      c.workload = [ONE];
      c.crashes = [{ on: { phase: 'reply', method: 'withdraw', nth: 1 }, restartAfterMs: 500, process: 'svc-1' }];
    }),
    expect: { reference: OK, naive: OK },
  },
];

export function fundScenarios(): readonly FundScenario[] {
  return SCENARIOS;
}

export function findFundScenario(name: string): FundScenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
