/**
 * The naive fund-investment node: seed 002's flow as written, the ordinary
 * way to write it.
 *
 * The API validates against the cached balance and the fund's seat count
 * read up front, records the transaction under a fresh id (a retried
 * request records a second one) and queues it. The worker takes it from the
 * queue, skips it unless it is still QUEUED, withdraws (the transaction id
 * as key, retried on a timeout), verifies the fund's criteria, remits
 * (retried on a timeout, without a key), and marks the transaction complete
 * or failed with an optimistic lock on the row's version, then notifies
 * both parties directly, each with a fresh message id. Nothing reserves the
 * seat between the check and the remittance, a rejected remittance leaves
 * the withdrawn money where it is, and two workers given the same message
 * both move the money before the version check tells one of them.
 */
import type { RpcOutcome } from '../../ports/ports.ts';
import type { Row } from '../../ports/sql.ts';
import type { FundInvestmentDesign, FundNode, FundPorts, InvestAnswer, InvestRequest } from '../contract.ts';
import { balanceCacheKey } from '../contract.ts';
import { TRANSACTIONS } from '../schema.ts';
import { eq, inTransaction, setValues, SQL_TIMEOUT_MS } from '../../sql/sql-session.ts';

const POLL_MS = 100;
const CALL_TIMEOUT_MS = 500;
const ATTEMPTS = 3;

class NaiveNode implements FundNode {
  constructor(private readonly ports: FundPorts) {}

  start(): void {
    void this.consume();
  }

  heldInMemory(): readonly string[] {
    return [];
  }

  async invest(req: InvestRequest): Promise<InvestAnswer> {
    const { ports } = this;
    if (!Number.isSafeInteger(req.amountMinor) || req.amountMinor <= 0) return { status: 'REJECTED', reason: 'INVALID_AMOUNT' };
    const balance = await this.cachedBalance(req.investor);
    if (balance === 'no answer') return { status: 'RETRY', reason: 'the investor service did not answer' };
    const criteria = await ports.funds.criteria({ fund: req.fund }, CALL_TIMEOUT_MS);
    if (criteria.kind !== 'reply') return { status: 'RETRY', reason: 'the fund service did not answer' };
    const c = criteria.value;
    if (balance === null || !c.known) return { status: 'REJECTED', reason: 'UNKNOWN_ACCOUNT' };
    if (req.amountMinor < c.minimumMinor) return { status: 'REJECTED', reason: 'BELOW_MINIMUM' };
    if (c.seatsTaken >= c.seats) return { status: 'REJECTED', reason: 'FUND_FULL' };
    if (balance < req.amountMinor) return { status: 'REJECTED', reason: 'INSUFFICIENT_FUNDS' };
    const id = ports.ids.next(`${ports.self}-tx`);
    const row = { id, requestKey: req.key, investor: req.investor, fund: req.fund, amount: req.amountMinor, state: 'QUEUED', version: 0, reason: null, attempt: 0, expiresAtMs: null, updatedAtMs: ports.clock.nowMs() };
    const outcome = await inTransaction(ports.sql, async (run) => {
      await run({ op: 'insert', table: TRANSACTIONS, row });
      return { commit: true, value: null };
    });
    if (outcome.kind !== 'committed') return { status: 'RETRY', reason: 'the transaction was not recorded' };
    await ports.queue.send({ transactionId: id }, CALL_TIMEOUT_MS);
    return { status: 'ACCEPTED', transactionId: id };
  }

  /** The balance from the cache, or from the investor service on a miss (then cached); null for an unknown investor. */
  private async cachedBalance(investor: string): Promise<number | null | 'no answer'> {
    const { cache, investors } = this.ports;
    const key = balanceCacheKey(investor);
    const hit = await cache.get(key, CALL_TIMEOUT_MS);
    if (hit.kind === 'reply' && hit.value.hit && typeof hit.value.value === 'number') return hit.value.value;
    const read = await investors.balance({ investor }, CALL_TIMEOUT_MS);
    if (read.kind !== 'reply') return 'no answer';
    if (!read.value.known) return null;
    await cache.set(key, read.value.balanceMinor, CALL_TIMEOUT_MS);
    return read.value.balanceMinor;
  }

  private async consume(): Promise<void> {
    const { queue, timers } = this.ports;
    for (;;) {
      const got = await queue.receive(CALL_TIMEOUT_MS);
      if (got.kind !== 'reply' || got.value === null) {
        await timers.sleep(POLL_MS);
        continue;
      }
      const id = (got.value.body as { transactionId?: unknown } | null)?.transactionId;
      if (await this.process(String(id))) await queue.ack(got.value.receipt, CALL_TIMEOUT_MS);
    }
  }

  /** Processes one transaction; true when its message may be acknowledged. */
  private async process(id: string): Promise<boolean> {
    const { ports } = this;
    const read = await ports.sql.query({ op: 'select', table: TRANSACTIONS, key: id }, SQL_TIMEOUT_MS);
    if (read.kind !== 'reply' || read.value.kind !== 'ok') return false;
    const row = read.value.rows[0];
    if (row === undefined || row.state !== 'QUEUED') return true;
    const move = { transactionId: id, investor: row.investor as string, amountMinor: row.amount as number };
    const withdrawn = await retried(() => ports.investors.withdraw({ ...move, key: id, expiresAtMs: null }, CALL_TIMEOUT_MS));
    if (withdrawn?.outcome !== 'applied') return this.finish(row, 'FAILED');
    const criteria = await ports.funds.criteria({ fund: row.fund as string }, CALL_TIMEOUT_MS);
    if (criteria.kind === 'reply' && (move.amountMinor < criteria.value.minimumMinor || criteria.value.seatsTaken >= criteria.value.seats)) return this.finish(row, 'FAILED');
    const remitted = await retried(() => ports.funds.remit({ ...move, fund: row.fund as string, key: null }, CALL_TIMEOUT_MS));
    return this.finish(row, remitted?.outcome === 'applied' ? 'COMPLETE' : 'FAILED');
  }

  /** Marks the outcome under the optimistic lock, then notifies both parties; a lost race counts as done. */
  private async finish(row: Row, state: 'COMPLETE' | 'FAILED'): Promise<boolean> {
    const { ports } = this;
    const version = row.version as number;
    const outcome = await inTransaction(ports.sql, async (run) => {
      const r = await run({ op: 'update', table: TRANSACTIONS, key: row.id as string, assign: setValues({ state, version: version + 1 }), where: eq('version', version) });
      return { commit: r.rowCount > 0, value: null };
    });
    if (outcome.kind === 'refused') return true;
    if (outcome.kind !== 'committed') return false;
    const status = state === 'COMPLETE' ? 'completed' : 'failed';
    for (const party of ['investor', 'fund'] as const) {
      await ports.notifications.send({ messageId: ports.ids.next(`${ports.self}-n`), transactionId: row.id as string, party, status }, CALL_TIMEOUT_MS);
    }
    return true;
  }
}

/** Calls until a reply comes, at most ATTEMPTS times; null when none came. */
async function retried<T>(call: () => Promise<RpcOutcome<T>>): Promise<T | null> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const r = await call();
    if (r.kind === 'reply') return r.value;
  }
  return null;
}

export const naiveDesign: FundInvestmentDesign = {
  system: 'fund-investment',
  name: 'naive',
  description: 'the seed as written: cached balance and seat count checked up front, withdraw then remit, no refund, optimistic lock at the end, notifications sent directly',
  create: (ports) => new NaiveNode(ports),
};
