/**
 * A weekly payment that failed for want of funds, in the reference design:
 * in one transaction it is marked FAILED (if this worker's lease still
 * holds) and its amount is added to the next payment still due, or, when
 * none is left, to a new payment one week after the last. The seed's
 * formula (paid + due + being processed = the advance) therefore holds in
 * every committed state. The later payments are locked first, so a worker
 * leasing one of them concurrently either sees the larger amount or makes
 * this transaction pick another.
 */
import type { Row } from '../../ports/sql.ts';
import { addTo, and, eq, inTransaction, setValues } from '../../sql/sql-session.ts';
import type { AdvancesPorts } from '../contract.ts';
import { PAYMENTS, paymentRow, WEEK_MS } from '../schema.ts';
import { greaterThan } from '../sql-terms.ts';
import { heldWith } from './payment-lease.ts';

/** Whether the task is finished (carried, or the lease was lost to another worker). */
export async function carryForward(ports: AdvancesPorts, p: Row): Promise<boolean> {
  const advanceId = p.advanceId as string;
  const amount = p.amount as number;
  const outcome = await inTransaction(ports.sql, async (run) => {
    const failed = await run({ op: 'update', table: PAYMENTS, key: p.id as string, assign: setValues({ state: 'FAILED' }), where: heldWith(p.fence as number) });
    if (failed.rowCount === 0) return { commit: false, value: null };
    const later = await run({ op: 'selectForUpdateWhere', table: PAYMENTS, where: and(eq('advanceId', advanceId), eq('state', 'DUE'), greaterThan('week', p.week as number)) });
    const next = [...later.rows].sort((a, b) => (a.week as number) - (b.week as number))[0];
    if (next !== undefined) {
      await run({ op: 'update', table: PAYMENTS, key: next.id as string, assign: addTo({ amount }), where: eq('state', 'DUE') });
      return { commit: true, value: null };
    }
    const all = await run({ op: 'selectWhere', table: PAYMENTS, where: eq('advanceId', advanceId) });
    const last = [...all.rows].sort((a, b) => (b.week as number) - (a.week as number))[0]!;
    await run({ op: 'insert', table: PAYMENTS, row: paymentRow(advanceId, p.accountId as string, (last.week as number) + 1, amount, (last.dueAtMs as number) + WEEK_MS) });
    return { commit: true, value: null };
  });
  return outcome.kind === 'committed' || outcome.kind === 'refused';
}
