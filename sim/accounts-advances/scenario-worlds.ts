/**
 * The worlds accounts-advances' scenarios are built from: the calm world
 * with a borrower taking an advance one second into the run and living on
 * a weekly salary, plus helpers for savings, bursts of transfers and a race
 * on one account.
 */
import { DAY_MS, WEEK_MS } from '../../impl/accounts-advances/schema.ts';
import { borrowerLife, calmAdvancesConfig, type AdvancesConfig, type TransferPlan } from './config.ts';

/** The advance is asked for one second into the run; payment k falls due k weeks later. */
export const ADVANCE_AT_MS = 1000;
/** The first beat tick after payment 1 falls due. */
export const FIRST_COLLECTION_MS = WEEK_MS + DAY_MS;

/** The calm world with the borrower's life (an advance of `advanceMinor`, late salaries in `lateWeeks`) and `edit` applied. */
export function world(edit: (c: AdvancesConfig) => void, advanceMinor = 1200, lateWeeks: number[] = []): () => AdvancesConfig {
  return () => {
    const c = calmAdvancesConfig();
    const life = borrowerLife(ADVANCE_AT_MS, advanceMinor, Math.ceil(advanceMinor / 12), lateWeeks);
    c.advances = [life.advance];
    c.transfers = life.transfers;
    edit(c);
    return c;
  };
}

/** The borrower keeps 500 of savings, so a payment collected twice does not fail for want of funds. */
export function withSavings(c: AdvancesConfig): void {
  c.accounts = c.accounts.map((a) => (a.id === 'borrower' ? { ...a, balanceMinor: 500 } : a));
}

/**
 * `n` transfers between acct-a and acct-b, `gapMs` apart from `atMs`, of
 * `amountMinor` each (an amount above both balances makes each a failed
 * transaction: recorded, and shown by the report, but moving nothing).
 */
export function burst(atMs: number, n: number, gapMs: number, amountMinor = 10): TransferPlan[] {
  return Array.from({ length: n }, (_, i) => ({ atMs: atMs + i * gapMs, key: `burst-${i + 1}`, src: i % 2 === 0 ? 'acct-a' : 'acct-b', dst: i % 2 === 0 ? 'acct-b' : 'acct-a', amountMinor, direction: 'debit' as const }));
}

export const RACE: TransferPlan[] = [
  { atMs: DAY_MS, key: 'race-1', src: 'acct-a', dst: 'acct-b', amountMinor: 800, direction: 'debit' },
  { atMs: DAY_MS, key: 'race-2', src: 'merchant', dst: 'acct-a', amountMinor: 800, direction: 'credit' },
];
