/**
 * The reference design's API: record the transaction under the client's key
 * and queue it.
 *
 * The transaction row's id is the client's key, so a retried request finds
 * the transaction it already made (a concurrent duplicate loses on the
 * primary key and is told to retry). The cached balance is only a hint: a
 * cached balance that covers the amount lets the request through (the
 * withdrawal is what checks the money), while a refusal for want of money
 * is given only on the investor service's own answer. The queue message is
 * sent after the commit; if it never arrives (a crash, a lost request), the
 * sweeper queues the transaction again.
 */
import type { FundPorts, InvestAnswer, InvestRequest } from '../contract.ts';
import { balanceCacheKey } from '../contract.ts';
import { TRANSACTIONS } from '../schema.ts';
import { inTransaction } from '../../sharded-transfer/sql-session.ts';
import { CALL_TIMEOUT_MS } from './keys.ts';

export async function accept(ports: FundPorts, req: InvestRequest): Promise<InvestAnswer> {
  if (!Number.isSafeInteger(req.amountMinor) || req.amountMinor <= 0) return { status: 'REJECTED', reason: 'INVALID_AMOUNT' };
  const covered = await balanceCovers(ports, req.investor, req.amountMinor);
  if (covered === 'no answer') return { status: 'RETRY', reason: 'the investor service did not answer' };
  if (covered === 'unknown') return { status: 'REJECTED', reason: 'UNKNOWN_ACCOUNT' };
  const outcome = await inTransaction<InvestAnswer>(ports.sql, async (run) => {
    const existing = await run({ op: 'select', table: TRANSACTIONS, key: req.key });
    if (existing.rowCount > 0) return { commit: false, value: { status: 'ACCEPTED', transactionId: req.key } };
    // A refusal stands only if no earlier copy of this request was accepted.
    if (covered === 'short') return { commit: false, value: { status: 'REJECTED', reason: 'INSUFFICIENT_FUNDS' } };
    const row = { id: req.key, requestKey: req.key, investor: req.investor, fund: req.fund, amount: req.amountMinor, state: 'QUEUED', version: 0, reason: null, attempt: 0, expiresAtMs: null, updatedAtMs: ports.clock.nowMs() };
    await run({ op: 'insert', table: TRANSACTIONS, row });
    return { commit: true, value: { status: 'ACCEPTED', transactionId: req.key } };
  });
  switch (outcome.kind) {
    case 'committed':
      await ports.queue.send({ transactionId: req.key }, CALL_TIMEOUT_MS);
      return outcome.value;
    case 'refused':
      return outcome.value;
    case 'aborted':
      return { status: 'RETRY', reason: outcome.code };
    case 'unknown':
      return { status: 'RETRY', reason: 'the database did not answer; the transaction may exist, retry with the same key' };
  }
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
