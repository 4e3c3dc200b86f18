/**
 * Everything that shapes one accounts-advances run besides the design and
 * the choice source: the accounts and the bank, the databases' isolation
 * level and faults, the broker, the network, crashes, stalls and
 * partitions, the beat's interval, and the client's workload (transfers,
 * advances and report passes over twelve weeks and more of virtual time).
 * A scenario, the swarm draw or the exhaustive world produces one.
 */
import type { IsolationLevel, Row } from '../../impl/ports/sql.ts';
import { DAY_MS, WEEK_MS } from '../../impl/accounts-advances/schema.ts';
import type { CrashOptions, PartitionWindow, ScriptedCrash } from '../kit/fault-options.ts';
import { noPauses, type PauseOptions, type ScriptedPause } from '../kit/process-pauses.ts';
import { calmQueue, type QueueOptions } from '../kit/sim-queue.ts';
import { calmNetwork, type NetworkOptions } from '../net/network-options.ts';
import type { SqlServiceOptions } from '../storage/sql/sql-service.ts';

export interface TransferPlan {
  atMs: number;
  key: string;
  src: string;
  dst: string;
  /** What the caller sends: usually whole minor units, sometimes not (a float, zero, a negative amount). */
  amountMinor: number;
  direction: 'debit' | 'credit';
}

export interface AdvancePlan {
  atMs: number;
  key: string;
  accountId: string;
  amountMinor: number;
}

export interface ReportPlan {
  atMs: number;
  /** Rows per page. */
  limit: number;
}

export interface ClientOptions {
  /** The client gives up waiting for one answer after this, then retries with the same key. */
  timeoutMs: number;
  retryDelayMs: number;
  retryDelayMsMax: number;
}

/** Rows the exhaustive world loads before the run (an advance in its last week). */
export interface Preload {
  transactions: Row[];
  advances: Row[];
  payments: Row[];
}

export interface AdvancesConfig {
  accounts: Array<{ id: string; balanceMinor: number }>;
  isolation: IsolationLevel;
  network: NetworkOptions;
  accountsDb: SqlServiceOptions;
  advancesDb: SqlServiceOptions;
  broker: QueueOptions;
  /** Per bankTransaction answered by the accounts manager: its reply to the advances service is lost. */
  lostReplyProbability: number;
  crash: CrashOptions;
  /** The processes random crashes may strike, by name; null: every design process. */
  randomCrashTargets: string[] | null;
  crashes: ScriptedCrash[];
  pauses: PauseOptions;
  scriptedPauses: ScriptedPause[];
  partitions: PartitionWindow[];
  workers: number;
  beatIntervalMs: number;
  /** When the beat first ticks after a boot: the next multiple of the interval, or this offset into the run for the first boot. */
  beatFirstAtMs: number | null;
  faultPhaseMs: number;
  livenessPhaseMsMax: number;
  transfers: TransferPlan[];
  advances: AdvancePlan[];
  reports: ReportPlan[];
  client: ClientOptions;
  preload: Preload | null;
}

export const BANK_BALANCE_MINOR = 1_000_000;

/**
 * Calm: the bank, a borrower with nothing, an employer, a merchant and two
 * more accounts; two workers; a daily beat; no faults; an empty workload;
 * the fault phase covers thirteen weeks (twelve payments and one carried
 * past the last).
 */
export function calmAdvancesConfig(): AdvancesConfig {
  return {
    accounts: [
      { id: 'bank', balanceMinor: BANK_BALANCE_MINOR },
      { id: 'acct-a', balanceMinor: 1000 },
      { id: 'acct-b', balanceMinor: 1000 },
      { id: 'borrower', balanceMinor: 0 },
      { id: 'employer', balanceMinor: 5000 },
      { id: 'merchant', balanceMinor: 0 },
    ],
    isolation: 'read-committed',
    network: { ...calmNetwork },
    accountsDb: { lockTimeoutMs: 2000, idleInTransactionTimeoutMs: 5000 },
    advancesDb: { lockTimeoutMs: 2000, idleInTransactionTimeoutMs: 5000 },
    broker: { ...calmQueue, visibilityTimeoutMs: 3_600_000 },
    lostReplyProbability: 0,
    crash: { probability: 0, maxCrashes: 0, restartDelayMsMin: 50, restartDelayMsMax: 2000 },
    randomCrashTargets: null,
    crashes: [],
    pauses: { ...noPauses },
    scriptedPauses: [],
    partitions: [],
    workers: 2,
    beatIntervalMs: DAY_MS,
    beatFirstAtMs: null,
    faultPhaseMs: 13 * WEEK_MS,
    livenessPhaseMsMax: 4 * WEEK_MS,
    transfers: [],
    advances: [],
    reports: [],
    client: { timeoutMs: 1000, retryDelayMs: 100, retryDelayMsMax: 10 * 60_000 },
    preload: null,
  };
}

/**
 * The borrower's weekly life around an advance taken at `atMs`: the advance
 * is spent on the second day, and the employer pays a salary of `salaryMinor`
 * a day before each payment falls due; a salary listed in `lateWeeks` comes
 * three days after its payment instead (funds are short that week).
 */
export function borrowerLife(atMs: number, advanceMinor: number, salaryMinor: number, lateWeeks: readonly number[]): { advance: AdvancePlan; transfers: TransferPlan[] } {
  const advance: AdvancePlan = { atMs, key: 'adv-1', accountId: 'borrower', amountMinor: advanceMinor };
  const transfers: TransferPlan[] = [{ atMs: atMs + DAY_MS, key: 'spend', src: 'borrower', dst: 'merchant', amountMinor: advanceMinor, direction: 'debit' }];
  for (let week = 1; week <= 12; week++) {
    const dueMs = atMs + week * WEEK_MS;
    const at = lateWeeks.includes(week) ? dueMs + 3 * DAY_MS : dueMs - DAY_MS;
    transfers.push({ atMs: at, key: `salary-${week}`, src: 'employer', dst: 'borrower', amountMinor: salaryMinor, direction: 'debit' });
  }
  return { advance, transfers };
}
