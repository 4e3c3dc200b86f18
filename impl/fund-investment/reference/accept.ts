/**
 * The reference design's API: record the transaction under the client's key
 * and queue it.
 *
 * The transaction row's id is the client's key, so a retried request finds
 * the transaction it already made (a concurrent duplicate loses on the
 * primary key and is told to retry). The cached balance is only a hint: a
 * cached balance that covers the amount lets the request through (the
 * withdrawal is what checks the money), while a refusal for want of money
 * is given only on the investor service's own answer. A refusal is recorded
 * too, as a REJECTED row under the key, so that an earlier copy of the
 * request still on its way cannot create the transaction after the client
 * was told no (its insert loses on the primary key), and a later copy gets
 * the same answer. The queue message is sent after the commit; if it never
 * arrives (a crash, a lost request), the sweeper queues the transaction
 * again.
 */
import type { Row } from '../../ports/sql.ts';
import type { FundPorts, InvestAnswer, InvestRequest, RejectReason } from '../contract.ts';
import { balanceCacheKey } from '../contract.ts';
import { TRANSACTIONS } from '../schema.ts';
import { inTransaction } from '../../sql/sql-session.ts';
import { CALL_TIMEOUT_MS } from './keys.ts';

export async function accept(ports: FundPorts, req: InvestRequest): Promise<InvestAnswer> {
  if (!Number.isSafeInteger(req.amountMinor) || req.amountMinor <= 0) return { status: 'REJECTED', reason: 'INVALID_AMOUNT' };
  const covered = await balanceCovers(ports, req.investor, req.amountMinor);
  if (covered === 'no answer') return { status: 'RETRY', reason: 'the investor service did not answer' };
  const refusal: RejectReason | null = covered === 'unknown' ? 'UNKNOWN_ACCOUNT' : covered === 'short' ? 'INSUFFICIENT_FUNDS' : null;
  const outcome = await inTransaction<InvestAnswer>(ports.sql, async (run) => {
    const existing = (await run({ op: 'select', table: TRANSACTIONS, key: req.key })).rows[0];
    if (existing !== undefined) return { commit: false, value: answerFor(existing) };
    const state = refusal === null ? 'QUEUED' : 'REJECTED';
    const row = { id: req.key, requestKey: req.key, investor: req.investor, fund: req.fund, amount: req.amountMinor, state, version: 0, reason: refusal, attempt: 0, expiresAtMs: null, updatedAtMs: ports.clock.nowMs() };
    await run({ op: 'insert', table: TRANSACTIONS, row });
    return { commit: true, value: answerFor(row) };
  });
  switch (outcome.kind) {
    case 'committed':
      if (outcome.value.status === 'ACCEPTED') await ports.queue.send({ transactionId: req.key }, CALL_TIMEOUT_MS);
      return outcome.value;
    case 'refused':
      return outcome.value;
    case 'aborted':
      return { status: 'RETRY', reason: outcome.code };
    case 'unknown':
      return { status: 'RETRY', reason: 'the database did not answer; the transaction may exist, retry with the same key' };
  }
}

/** The answer a recorded row stands for: its refusal, or its acceptance. */
function answerFor(row: Row): InvestAnswer {
  if (row.state === 'REJECTED') return { status: 'REJECTED', reason: row.reason as RejectReason };
  return { status: 'ACCEPTED', transactionId: row.id as string };
}

/** ok when the cache or the investor service says the balance covers the amount; short only on the service's word. */
async function balanceCovers(ports: FundPorts, investor: string, amountMinor: number): Promise<'ok' | 'short' | 'unknown' | 'no answer'> {
  const key = balanceCacheKey(investor);
  const cached = await ports.cache.get(key, CALL_TIMEOUT_MS);
  if (cached.kind === 'reply' && cached.value.hit && typeof cached.value.value === 'number' && cached.value.value >= amountMinor) return 'ok';
  const read = await ports.investors.balance({ investor }, CALL_TIMEOUT_MS);
  if (read.kind !== 'reply') return 'no answer';
  if (!read.value.known) return 'unknown';
  await ports.cache.set(key, read.value.balanceMinor, CALL_TIMEOUT_MS);
  return read.value.balanceMinor >= amountMinor ? 'ok' : 'short';
}
