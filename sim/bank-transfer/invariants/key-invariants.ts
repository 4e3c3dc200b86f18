/**
 * Invariants about presses (idempotency keys) rather than transfer ids:
 *
 * - ExactlyOncePerKey: one key moves money at most once, across client
 *   retries and coordinator restarts. Checked when an answer arrives (a key
 *   answered with two different transfer ids started two transfers) and at
 *   quiescence against the institution's books: the money that left each
 *   external account must be exactly the amounts of the presses answered
 *   SUCCESS on it. Money moved beyond that was moved for some key that did
 *   not account for it.
 * - HonestAnswers for FAILED answers without a transfer id: such an answer
 *   promises that nothing moved for the key; if an account moved more than
 *   its SUCCESS presses while one of its presses was answered that way, the
 *   answer was not honest.
 * - RequestsAnswered (liveness): every press ends in SUCCESS or FAILED,
 *   directly or through status polls of a PENDING answer.
 */
import type { PressRecord } from '../answer-book.ts';
import type { Finding, GroundTruth } from './ground-truth.ts';

export function checkPressAnswer(press: PressRecord): Finding | null {
  if (press.transferIds.size > 1) {
    return {
      invariant: 'ExactlyOncePerKey',
      message: `press ${press.key} (one idempotency key) was answered with ${press.transferIds.size} transfer ids: ${[...press.transferIds].join(', ')}`,
    };
  }
  return null;
}

export function checkKeysSettled(g: GroundTruth): Finding | null {
  const byAccount = new Map<string, PressRecord[]>();
  for (const p of g.book.presses.values()) {
    const list = byAccount.get(p.accountId) ?? [];
    list.push(p);
    byAccount.set(p.accountId, list);
  }
  for (const [accountId, presses] of byAccount) {
    const initial = g.initialBalances.get(accountId);
    const now = g.external.balances.get(accountId);
    if (initial === undefined || now === undefined) continue;
    const moved = initial - now;
    const succeeded = presses.filter((p) => p.latest?.status === 'SUCCESS');
    const expected = succeeded.reduce((sum, p) => sum + p.amountMinor, 0);
    if (moved === expected) continue;
    const keys = succeeded.map((p) => p.key).join(', ') || 'none';
    if (moved < expected) {
      return { invariant: 'HonestAnswers', message: `account ${accountId} moved ${moved} after healing, but its presses answered SUCCESS (${keys}) add up to ${expected}` };
    }
    const silentFailure = presses.find((p) => p.latest?.status === 'FAILED' && p.transferIds.size === 0);
    if (silentFailure !== undefined) {
      return {
        invariant: 'HonestAnswers',
        message: `press ${silentFailure.key} was answered FAILED without a transfer id, yet account ${accountId} moved ${moved} while its SUCCESS presses (${keys}) add up to ${expected}`,
      };
    }
    return {
      invariant: 'ExactlyOncePerKey',
      message: `account ${accountId} moved ${moved} after healing, but its presses answered SUCCESS (${keys}) add up to only ${expected}: money moved more than once for some key`,
    };
  }
  return null;
}

export function checkRequestsAnswered(g: GroundTruth, why: string): Finding | null {
  const open = g.book.unanswered();
  if (open.length === 0) return null;
  const first = open[0]!;
  const state = first.latest === null ? `no answer in ${first.attempts} attempt(s)` : `last answer ${first.latest.status} ${first.latest.transferId}`.trim();
  return {
    invariant: 'RequestsAnswered',
    message: `press ${first.key} (${first.amountMinor} from ${first.accountId}) never settled ${why}: ${state}${open.length > 1 ? `; ${open.length - 1} more unanswered` : ''}`,
  };
}
