/**
 * The bank-transfer fakes for a real run: the simulator's external
 * institution and internal ledger (sim/fakes/), on wall-clock time, with
 * their books. They are the ground truth a chaos run checks: money is
 * counted in their balances, never in what the coordinator believes.
 */
import { calmExternal, type ExternalOptions } from '../../sim/fakes/external-options.ts';
import { ExternalInstitution } from '../../sim/fakes/external-institution.ts';
import { FaultScript } from '../../sim/fakes/fault-script.ts';
import { InternalLedger } from '../../sim/fakes/internal-ledger.ts';
import { calmLedger, type LedgerOptions } from '../../sim/fakes/ledger-options.ts';
import { RuntimeChoiceSource } from '../fakes/runtime-choice.ts';
import { asSimulator, wallClockHost } from '../fakes/wall-clock-host.ts';

export interface FakeAccount {
  accountId: string;
  balanceMinor: number;
}

export interface BankFakesConfig {
  accounts: readonly FakeAccount[];
  external?: Partial<ExternalOptions>;
  ledger?: Partial<LedgerOptions>;
  /** Seeds the fault draws. */
  seed: number;
}

/** `count` accounts acc-1..acc-N with the same opening balance. */
export function defaultAccounts(count: number, balanceMinor: number): FakeAccount[] {
  return Array.from({ length: count }, (_, i) => ({ accountId: `acc-${i + 1}`, balanceMinor }));
}

export class BankFakes {
  readonly external: ExternalInstitution;
  readonly ledger: InternalLedger;
  readonly initialBalances: ReadonlyMap<string, number>;
  readonly initialTotalMinor: number;

  constructor(config: BankFakesConfig) {
    const host = asSimulator(wallClockHost(new RuntimeChoiceSource(config.seed)));
    // No scripted faults in a real run: only rates, switchable at run time.
    const script = new FaultScript([]);
    this.external = new ExternalInstitution(host, { ...calmExternal, ...config.external }, script, config.accounts.map((a) => [a.accountId, a.balanceMinor]));
    this.ledger = new InternalLedger(host, { ...calmLedger, ...config.ledger }, script);
    this.initialBalances = new Map(config.accounts.map((a) => [a.accountId, a.balanceMinor]));
    this.initialTotalMinor = config.accounts.reduce((sum, a) => sum + a.balanceMinor, 0);
  }

  /** Every fault rate back to zero and no downtime; the modes (idempotency, negative balances) stay. */
  heal(): void {
    const { mode, allowNegativeBalance } = this.external.options;
    this.external.options = { ...calmExternal, mode, allowNegativeBalance };
    this.ledger.options = { ...calmLedger };
  }

  /** The books as JSON: balances, every reference and credit, totals and fault counts. */
  books(): BooksJson {
    const references: BooksJson['external']['references'] = {};
    for (const [ref, r] of this.external.references) references[ref] = { accountId: r.accountId, amountMinor: r.amountMinor, applied: r.applied, undone: r.undone };
    const credits: BooksJson['ledger']['credits'] = {};
    for (const [id, c] of this.ledger.credits) credits[id] = { userId: c.userId, amountMinor: c.amountMinor, credited: c.credited };
    const externalTotal = this.external.totalMinor();
    const ledgerTotal = this.ledger.totalMinor();
    return {
      initialTotalMinor: this.initialTotalMinor,
      totalMinor: externalTotal + ledgerTotal,
      external: { totalMinor: externalTotal, balances: Object.fromEntries(this.external.balances), references, faults: { ...this.external.counts } },
      ledger: { totalMinor: ledgerTotal, balances: Object.fromEntries(this.ledger.balances), credits, faults: { ...this.ledger.counts } },
    };
  }
}

export interface BooksJson {
  initialTotalMinor: number;
  totalMinor: number;
  external: {
    totalMinor: number;
    balances: Record<string, number>;
    references: Record<string, { accountId: string; amountMinor: number; applied: number; undone: number }>;
    faults: Record<string, number>;
  };
  ledger: {
    totalMinor: number;
    balances: Record<string, number>;
    credits: Record<string, { userId: string; amountMinor: number; credited: boolean }>;
    faults: Record<string, number>;
  };
}
