/**
 * Granting a recorded advance in the reference design: the manager credits
 * the account with a bank transaction whose key is the advance's, so asking
 * again (a client's retry, the beat resuming an advance whose grant had no
 * answer, a restarted service) never credits twice. Only a confirmed grant
 * makes the advance ACTIVE, and only ACTIVE advances have payments
 * collected; a refused grant cancels the advance and its payments.
 */
import type { Row } from '../../ports/sql.ts';
import { and, eq, inTransaction, setValues } from '../../sql/sql-session.ts';
import type { AdvanceAnswer, AdvancesPorts } from '../contract.ts';
import { ADVANCES, PAYMENTS } from '../schema.ts';

export const CALL_TIMEOUT_MS = 1000;

export async function settleGrant(ports: AdvancesPorts, advance: Row): Promise<AdvanceAnswer> {
  const id = advance.id as string;
  if (advance.state === 'ACTIVE') return { status: 'granted', advanceId: id };
  if (advance.state === 'REFUSED') return { status: 'refused', reason: 'the accounts manager refused the grant' };
  const r = await ports.accounts.bankTransaction(
    { key: `grant:${id}`, accountId: advance.accountId as string, amountMinor: advance.amount as number, direction: 'credit', reason: `advance ${id} granted`, advanceId: id, paymentId: null, fence: null },
    CALL_TIMEOUT_MS,
  );
  if (r.kind !== 'reply') return { status: 'retry', reason: 'no answer from the accounts manager; the grant resumes' };
  const answer = r.value;
  if (answer.status === 'success') {
    const done = await inTransaction(ports.sql, async (run) => {
      await run({ op: 'update', table: ADVANCES, key: id, assign: setValues({ state: 'ACTIVE' }), where: eq('state', 'GRANTING') });
      return { commit: true, value: null };
    });
    return done.kind === 'committed' ? { status: 'granted', advanceId: id } : { status: 'retry', reason: 'granted, not yet recorded' };
  }
  if (answer.status === 'fail' || answer.status === 'invalid') {
    const done = await inTransaction(ports.sql, async (run) => {
      const moved = await run({ op: 'update', table: ADVANCES, key: id, assign: setValues({ state: 'REFUSED' }), where: eq('state', 'GRANTING') });
      if (moved.rowCount > 0) await run({ op: 'updateWhere', table: PAYMENTS, where: and(eq('advanceId', id), eq('state', 'DUE')), assign: setValues({ state: 'CANCELLED' }) });
      return { commit: true, value: null };
    });
    return done.kind === 'committed' ? { status: 'refused', reason: answer.reason } : { status: 'retry', reason: 'refused, not yet recorded' };
  }
  return { status: 'retry', reason: answer.reason };
}
