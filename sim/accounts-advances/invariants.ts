/**
 * The step invariants of accounts-advances, over both databases' committed
 * rows, checked after every event:
 * - MoneyConserved: the balances of all accounts and the bank add up to
 *   the initial total, in exact arithmetic (a float drift of 4e-17 is money
 *   created or lost).
 * - NoNegativeBalance: no balance below zero.
 * - CollectedAtMostOnce: no payment has more than one successful repayment
 *   debit, and a payment carried forward (FAILED) has none.
 * - RepaidAtMostGranted: what was collected for an advance never exceeds
 *   what was granted for it.
 * - PaymentsAddUp (the seed's reconciliation formula): for every advance
 *   not refused, its paid, due and in-progress payments add up to the
 *   advance, exactly.
 * - ReconciliationHonest: the reconciliation job flags no advance whose
 *   payments add up. Since PaymentsAddUp holds at every step before, any
 *   alert is a false flag; an advance that stops adding up is reported by
 *   PaymentsAddUp at that very step, before any job could miss it.
 * - ExactlyOncePerKey: one successful transfer per client key, one advance
 *   per client key.
 */
import type { Row } from '../../impl/ports/sql.ts';
import { COUNTED_STATES } from '../../impl/accounts-advances/schema.ts';
import { exactDifference } from '../kit/exact-sum.ts';
import type { Finding } from '../kit/world-run.ts';
import type { AdvancesBooks, AdvancesTruth } from './ground-truth.ts';

/** The step invariants; they read only the books, so a verdict holds until the next commit. */
export function stepChecker(truth: AdvancesTruth): () => Finding | null {
  let seen: AdvancesBooks | null = null;
  let verdict: Finding | null = null;
  return () => {
    const b = truth.books();
    if (b !== seen) {
      seen = b;
      verdict = conserved(b, truth.initialTotalMinor) ?? collectedOnce(b) ?? withinGrant(b) ?? addsUp(b) ?? honestAlerts(b) ?? oncePerKey(b);
    }
    return verdict;
  };
}

function conserved(b: AdvancesBooks, initial: number): Finding | null {
  const diff = exactDifference(b.accounts.map((a) => a.balance as number), initial);
  if (diff !== null) {
    const odd = b.accounts.filter((a) => !Number.isSafeInteger(a.balance)).map((a) => `${a.id as string} ${String(a.balance)}`);
    const stored = odd.length > 0 ? `; balances that are no whole number of minor units: ${odd.join(', ')}` : '';
    return { invariant: 'MoneyConserved', message: `money ${diff > 0 ? 'created' : 'lost'}: the balances add up to ${describeOff(initial, diff)}, not ${initial}${stored}` };
  }
  for (const a of b.accounts) if ((a.balance as number) < 0) return { invariant: 'NoNegativeBalance', message: `${a.id as string} has balance ${String(a.balance)}` };
  return null;
}

function collectedOnce(b: AdvancesBooks): Finding | null {
  for (const [id, debits] of b.collections) {
    if (debits.length > 1) return { invariant: 'CollectedAtMostOnce', message: `payment ${id} was collected ${debits.length} times (${debits.map((d) => `${d.id as string}: ${String(d.amount)}`).join(', ')})` };
  }
  for (const p of b.payments) {
    if (p.state === 'FAILED' && b.collections.has(p.id as string)) return { invariant: 'CollectedAtMostOnce', message: `payment ${p.id as string} was carried forward as failed, yet its debit ${b.collections.get(p.id as string)![0]!.id as string} succeeded: its amount will be collected again` };
  }
  return null;
}

function withinGrant(b: AdvancesBooks): Finding | null {
  const granted = new Map<string, number[]>();
  const collected = new Map<string, number[]>();
  for (const t of b.transactions) {
    if (t.kind !== 'bank' || t.status !== 'success' || typeof t.advanceId !== 'string') continue;
    const into = t.direction === 'credit' ? granted : collected;
    into.set(t.advanceId, [...(into.get(t.advanceId) ?? []), t.amount as number]);
  }
  for (const [id, amounts] of collected) {
    const over = exactDifference([...amounts, ...(granted.get(id) ?? []).map((g) => -g)], 0);
    if (over !== null && over > 0) return { invariant: 'RepaidAtMostGranted', message: `advance ${id}: collected ${sum(amounts)} but granted ${sum(granted.get(id) ?? [])}` };
  }
  return null;
}

function addsUp(b: AdvancesBooks): Finding | null {
  const counted = paymentsByAdvance(b.payments, (p) => COUNTED_STATES.has(p.state as string));
  for (const a of b.advances) {
    if (a.state === 'REFUSED') continue;
    const amounts = (counted.get(a.id as string) ?? []).map((p) => p.amount as number);
    const diff = exactDifference(amounts, a.amount as number);
    if (diff === null) continue;
    return { invariant: 'PaymentsAddUp', message: `advance ${a.id as string} of ${String(a.amount)}: its paid, due and in-progress payments add up to ${describeOff(a.amount as number, diff)} (${amounts.map(String).join(' + ')})` };
  }
  return null;
}

function honestAlerts(b: AdvancesBooks): Finding | null {
  const alert = b.alerts[0];
  if (alert === undefined) return null;
  return { invariant: 'ReconciliationHonest', message: `the reconciliation job flagged advance ${alert.advanceId as string} (it summed ${String(alert.sum)}), but its payments have added up at every step` };
}

function oncePerKey(b: AdvancesBooks): Finding | null {
  const transfers = countBy(b.transactions.filter((t) => t.kind === 'transfer' && t.status === 'success'), 'requestKey');
  for (const [key, n] of transfers) if (n > 1) return { invariant: 'ExactlyOncePerKey', message: `transfer request ${key} moved money ${n} times` };
  for (const [key, n] of countBy(b.advances, 'requestKey')) if (n > 1) return { invariant: 'ExactlyOncePerKey', message: `advance request ${key} made ${n} advances` };
  return null;
}

function paymentsByAdvance(payments: readonly Row[], keep: (p: Row) => boolean): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const p of payments) if (keep(p)) out.set(p.advanceId as string, [...(out.get(p.advanceId as string) ?? []), p]);
  return out;
}

function countBy(rows: readonly Row[], column: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(String(r[column]), (out.get(String(r[column])) ?? 0) + 1);
  return out;
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

/** "1000 - 4.5e-13" for an exact total just off a whole number. */
function describeOff(expected: number, diff: number): string {
  if (Number.isNaN(diff)) return 'no number';
  if (Number.isSafeInteger(diff)) return String(expected + diff);
  return `${expected} ${diff > 0 ? '+' : '-'} ${Math.abs(diff).toPrecision(3)} (exactly)`;
}
