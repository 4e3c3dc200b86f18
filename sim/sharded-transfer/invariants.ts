/**
 * The invariants of sharded-transfer, over the database's committed state
 * and the payees' books.
 *
 * After every event:
 * - PaidAtMostOnce: no withdrawal reached its payee twice.
 * - MoneyConserved: balances + payouts - (credited but not yet debited) -
 *   (paid but still blocked) = the initial total. A double credit, a double
 *   debit, a release after a payout or a credit of a released transfer
 *   breaks it.
 * - NoNegativeAvailable: no account's balance minus blocked is below zero.
 * - BlocksMatchTransfers: each account's blocked amount equals the sum of its
 *   transfers still holding (BLOCKED, CREDITED, FAILED, SUBMITTED,
 *   RECONCILE): every block is committed or released exactly once.
 * - ExactlyOncePerKey: one transfer row per client key.
 * At the end of a healed run: every request answered; an answer is honest
 * (ACCEPTED has its transfer row, REJECTED has none that moved money). A
 * run is drained only when every transfer is terminal (COMPLETE, RELEASED
 * or parked as RECONCILE); one that never drains is the kit's WorkDrains,
 * naming the transfers still open.
 */
import { HOLDING_STATES, isPayee, TERMINAL_STATES } from '../../impl/sharded-transfer/schema.ts';
import type { Finding } from '../kit/world-run.ts';
import type { Books, ShardedTruth } from './ground-truth.ts';
import type { ClientRecord } from './transfer-client.ts';

/** The step checks' verdict per version of the books: they only change when a commit or a payout does. */
const verdicts = new WeakMap<Books, Finding | null>();

export function checkShardedStep(truth: ShardedTruth): Finding | null {
  const b = truth.books();
  const known = verdicts.get(b);
  if (known !== undefined) return known;
  const verdict = judgeBooks(truth, b);
  verdicts.set(b, verdict);
  return verdict;
}

function judgeBooks(truth: ShardedTruth, b: Books): Finding | null {
  for (const [id, n] of b.payouts) if (n > 1) return { invariant: 'PaidAtMostOnce', message: `withdrawal ${id} was paid to its payee ${n} times` };
  const total = b.balanceTotalMinor + b.paidTotalMinor - b.creditedNotDebitedMinor - b.paidStillBlockedMinor;
  if (total !== truth.initialTotalMinor) {
    return {
      invariant: 'MoneyConserved',
      message: `money ${total > truth.initialTotalMinor ? 'created' : 'lost'}: balances ${b.balanceTotalMinor} + paid out ${b.paidTotalMinor} - credited not debited ${b.creditedNotDebitedMinor} - paid still blocked ${b.paidStillBlockedMinor} = ${total}, initial ${truth.initialTotalMinor}`,
    };
  }
  const holding = new Map<string, number>();
  for (const t of b.transfers) if (HOLDING_STATES.has(t.state as string)) holding.set(t.fromAccount as string, (holding.get(t.fromAccount as string) ?? 0) + (t.amount as number));
  for (const a of b.accounts) {
    const balance = a.balance as number;
    const blocked = a.blocked as number;
    if (balance - blocked < 0) return { invariant: 'NoNegativeAvailable', message: `${a.id as string}: balance ${balance} - blocked ${blocked} = ${balance - blocked}` };
    const expected = holding.get(a.id as string) ?? 0;
    if (blocked !== expected) return { invariant: 'BlocksMatchTransfers', message: `${a.id as string}: blocked ${blocked}, but its transfers in progress hold ${expected}` };
  }
  const keys = new Map<string, number>();
  for (const t of b.transfers) keys.set(t.requestKey as string, (keys.get(t.requestKey as string) ?? 0) + 1);
  for (const [key, n] of keys) if (n > 1) return { invariant: 'ExactlyOncePerKey', message: `request ${key} made ${n} transfers` };
  return null;
}

export function checkShardedEnd(truth: ShardedTruth, records: readonly ClientRecord[], why: string): Finding | null {
  const b = truth.books();
  const unanswered = records.filter((r) => r.answer === null);
  if (unanswered.length > 0) {
    const r = unanswered[0]!;
    return { invariant: 'RequestsAnswered', message: `request ${r.plan.key} (${r.plan.amountMinor} from ${r.plan.from} to ${r.plan.to}) was never answered ${why}: ${r.attempts} attempt(s)${unanswered.length > 1 ? `; ${unanswered.length - 1} more unanswered` : ''}` };
  }
  for (const r of records) {
    const rows = b.transfers.filter((t) => t.requestKey === r.plan.key);
    if (r.answer?.status === 'REJECTED' && rows.some((t) => t.state !== 'RELEASED' && t.state !== 'REFUSED')) {
      return { invariant: 'HonestAnswers', message: `request ${r.plan.key} was answered REJECTED (${r.answer.reason}) but its transfer ${rows[0]!.id as string} is ${rows[0]!.state as string}` };
    }
    if (r.answer?.status === 'ACCEPTED' && rows.length === 0) {
      return { invariant: 'HonestAnswers', message: `request ${r.plan.key} was answered ACCEPTED but no transfer row exists` };
    }
  }
  return null;
}

/**
 * Availability: an accepted transfer whose nodes never crashed (the donor's,
 * and the receiver's for an internal transfer) became terminal within
 * `boundMs` of its acceptance. `terminalAtMs` holds when each transfer was
 * first seen terminal.
 */
export function checkAvailability(records: readonly ClientRecord[], terminalAtMs: ReadonlyMap<string, number>, crashedNodes: ReadonlySet<string>, ownerOf: (account: string) => string, boundMs: number): Finding | null {
  for (const r of records) {
    if (r.answer?.status !== 'ACCEPTED' || r.answeredAtMs === null) continue;
    const nodes = [ownerOf(r.plan.from), ...(isPayee(r.plan.to) ? [] : [ownerOf(r.plan.to)])];
    if (nodes.some((n) => crashedNodes.has(n))) continue;
    const done = terminalAtMs.get(r.answer.transferId);
    if (done === undefined || done - r.answeredAtMs > boundMs) {
      const took = done === undefined ? 'never finished' : `took ${done - r.answeredAtMs} ms`;
      return { invariant: 'AvailableWhileNodeDown', message: `transfer ${r.answer.transferId} between live nodes (${nodes.join(', ')}) ${took} after acceptance; bound ${boundMs} ms` };
    }
  }
  return null;
}

/** Transfers not yet terminal, for the drained check and the WorkDrains message. */
export function openTransfers(truth: ShardedTruth): string[] {
  return truth.books().transfers.filter((t) => !TERMINAL_STATES.has(t.state as string)).map((t) => `${t.id as string} ${t.state as string}`);
}

/** Transfers parked for a person to settle, for the run's report. */
export function reconciliationItems(truth: ShardedTruth): string[] {
  return truth.books().transfers.filter((t) => t.state === 'RECONCILE').map((t) => `${t.id as string} (${t.amount as number} to ${t.toAccount as string})`);
}
