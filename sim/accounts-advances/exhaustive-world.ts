/**
 * The accounts-advances world that exhaustive exploration enumerates: an
 * advance of 1200 in its last week (eleven payments collected, the twelfth
 * of 100 due now, the borrower holding 200), the beat ticking 20 ms into
 * the run, one to three workers racing for the payment, and the borrower
 * paying a merchant from the same account at the same moment. Every
 * per-event fault that bears on collecting a payment once is a choice
 * point while the short fault phase lasts (a crash of a worker before an
 * event it handles, a duplicated delivery, a lost
 * acknowledgement, a lost reply of the accounts manager, a lost COMMIT
 * reply, a worker stalling for ten minutes, past its lease; lost messages
 * and dropped connections, which look the same to the caller as a crash or
 * a lost reply, are left to the swarm); the explorer's fault budget,
 * not these probabilities, bounds how many fire. Statements of concurrent
 * transactions are separate events, so their interleavings are schedule
 * choices.
 */
import type { Row } from '../../impl/ports/sql.ts';
import { paymentRow, WEEK_MS } from '../../impl/accounts-advances/schema.ts';
import { calmAdvancesConfig, type AdvancesConfig, type Preload } from './config.ts';
import type { AdvancesOptions } from './options.ts';

const FAULT_POINT_PROBABILITY = 0.01;
const ADVANCE = 'adv-last-week';
const WEEKLY_MINOR = 100;
const DUE_AT_MS = 15;

export function advancesExhaustiveConfig(options: AdvancesOptions): AdvancesConfig {
  const p = FAULT_POINT_PROBABILITY;
  const c = calmAdvancesConfig();
  c.isolation = options.isolation;
  c.workers = options.workers;
  c.accounts = c.accounts.map((a) => (a.id === 'borrower' ? { ...a, balanceMinor: 2 * WEEKLY_MINOR } : a));
  c.preload = lastWeek();
  // The borrower pays the merchant as the payment falls due: the two debits race on one account.
  c.transfers = [{ atMs: DUE_AT_MS, key: 'k1', src: 'borrower', dst: 'merchant', amountMinor: WEEKLY_MINOR, direction: 'debit' }];
  c.beatFirstAtMs = 20;
  c.network = { ...c.network, latencyMsMin: 2, latencyMsMax: 2 };
  c.accountsDb = { ...c.accountsDb, lostCommitReplyProbability: p };
  c.advancesDb = { ...c.advancesDb, lostCommitReplyProbability: p };
  c.broker = { ...c.broker, duplicateDeliveryProbability: p, lostAckProbability: p };
  c.lostReplyProbability = p;
  c.pauses = { pauseProbability: p, pauseMsMin: 600_000, pauseMsMax: 600_000, maxPauses: Number.MAX_SAFE_INTEGER };
  c.crash = { ...c.crash, probability: p, maxCrashes: Number.MAX_SAFE_INTEGER, restartDelayMsMin: 100, restartDelayMsMax: 100 };
  c.randomCrashTargets = Array.from({ length: options.workers }, (_, i) => `worker-${i + 1}`);
  // Faults are choice points only while the fault phase lasts; the workers
  // take the task a second into the run and collect it within it.
  c.faultPhaseMs = 1500;
  c.livenessPhaseMsMax = 3 * 86_400_000;
  return c;
}

/** The rows of an advance whose first eleven payments were collected: its grant, eleven debits, and the twelfth payment falling due. */
function lastWeek(): Preload {
  // Due just after the processes boot, so that a beat counting from its own boot sees it fall due.
  const created = DUE_AT_MS - 12 * WEEK_MS;
  const payments: Row[] = Array.from({ length: 12 }, (_, i) => ({ ...paymentRow(ADVANCE, 'borrower', i + 1, WEEKLY_MINOR, created + (i + 1) * WEEK_MS), state: i < 11 ? 'PAID' : 'DUE' }));
  const bank = { kind: 'bank', src: null, dst: 'borrower', reason: null, seq: null, advanceId: ADVANCE } as const;
  const transactions = [
    { ...bank, id: 'pre-grant', atMs: created, amount: 12 * WEEKLY_MINOR, direction: 'credit', status: 'success', note: 'advance granted', requestKey: 'pre-grant', paymentId: null },
    ...payments.slice(0, 11).map((p) => ({ ...bank, id: `pre-${p.id as string}`, atMs: p.dueAtMs as number, amount: WEEKLY_MINOR, direction: 'debit', status: 'success', note: 'payment', requestKey: `pre-${p.id as string}`, paymentId: p.id as string })),
  ];
  return { transactions, advances: [{ id: ADVANCE, requestKey: 'last-week', accountId: 'borrower', amount: 12 * WEEKLY_MINOR, state: 'ACTIVE', createdAtMs: created }], payments };
}

export function advancesExhaustiveLabel(options: AdvancesOptions): string[] {
  return [`exhaustive world: an advance's last payment, ${options.workers} worker(s) racing for it`, `isolation=${options.isolation}`];
}
