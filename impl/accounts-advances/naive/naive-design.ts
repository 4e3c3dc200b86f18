/**
 * The naive accounts-advances design: the seed as written (see
 * naive-accounts.ts, naive-advances.ts, naive-worker.ts).
 */
import type { AccountsAdvancesDesign } from '../contract.ts';
import { NaiveAccounts } from './naive-accounts.ts';
import { NaiveAdvances, NaiveBeat } from './naive-advances.ts';
import { NaiveWorker } from './naive-worker.ts';

export const naiveDesign: AccountsAdvancesDesign = {
  system: 'accounts-advances',
  name: 'naive',
  description: 'the seed as written: float amounts, check-then-update balances, debit then payment row in a separate step, exclusivity left to the broker, report paged by page number over a live query',
  accounts: (ports) => new NaiveAccounts(ports),
  advances: (ports) => new NaiveAdvances(ports),
  beat: (ports) => new NaiveBeat(ports),
  worker: (ports) => new NaiveWorker(ports),
};
