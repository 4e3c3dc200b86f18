/**
 * The reference advances API: an advance is recorded with its twelve
 * payments in one transaction, keyed by the client's key (a retry finds it),
 * then granted (grant.ts). Payments split the amount in whole minor units:
 * the first `amount mod 12` weeks carry one unit more, so the twelve add up
 * to the advance exactly.
 */
import { inTransaction } from '../../sql/sql-session.ts';
import type { AdvanceAnswer, AdvanceRequest, AdvancesApi, AdvancesPorts } from '../contract.ts';
import { ADVANCES, PAYMENTS, paymentRow, WEEK_MS, WEEKS } from '../schema.ts';
import { amountProblem } from './validate.ts';
import { settleGrant } from './grant.ts';

/** The weekly amounts of an advance, in whole minor units, adding up to it. */
export function weeklyAmounts(amountMinor: number): number[] {
  const base = Math.floor(amountMinor / WEEKS);
  const extra = amountMinor % WEEKS;
  return Array.from({ length: WEEKS }, (_, i) => base + (i < extra ? 1 : 0));
}

export class ReferenceAdvances implements AdvancesApi {
  constructor(private readonly ports: AdvancesPorts) {}

  async requestAdvance(req: AdvanceRequest): Promise<AdvanceAnswer> {
    const problem = amountProblem(req.amountMinor) ?? (req.amountMinor < WEEKS ? `amountMinor must be at least ${WEEKS}, one unit a week` : null);
    if (problem !== null) return { status: 'refused', reason: problem };
    if (typeof req.key !== 'string' || req.key === '' || typeof req.accountId !== 'string') return { status: 'refused', reason: 'key and accountId must be non-empty strings' };
    const id = `adv-${req.key}`;
    const recorded = await inTransaction(this.ports.sql, async (run) => {
      const existing = await run({ op: 'select', table: ADVANCES, key: id });
      if (existing.rowCount > 0) return { commit: false, value: existing.rows[0]! };
      const now = this.ports.clock.nowMs();
      const row = { id, requestKey: req.key, accountId: req.accountId, amount: req.amountMinor, state: 'GRANTING', createdAtMs: now };
      await run({ op: 'insert', table: ADVANCES, row });
      const amounts = weeklyAmounts(req.amountMinor);
      for (let week = 1; week <= WEEKS; week++) await run({ op: 'insert', table: PAYMENTS, row: paymentRow(id, req.accountId, week, amounts[week - 1]!, now + week * WEEK_MS) });
      return { commit: true, value: row };
    });
    if (recorded.kind === 'aborted' || recorded.kind === 'unknown') return { status: 'retry', reason: 'the advance may not be recorded yet; retry with the same key' };
    return settleGrant(this.ports, recorded.value);
  }
}
