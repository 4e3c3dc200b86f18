/**
 * A worker's lease on a payment in the reference design, kept in the
 * advances database: one conditional update takes a payment that is due
 * (or whose previous lease ran out), marks it PROCESSING until
 * `leaseUntilMs`, and increments its fencing token. Everything the holder
 * writes afterwards is conditional on that token (`WHERE fence = f AND
 * state = 'PROCESSING'`), and the accounts manager checks it too, so a
 * worker that stalled past its lease changes nothing.
 */
import type { Row } from '../../ports/sql.ts';
import { and, eq, inTransaction, setValues } from '../../sql/sql-session.ts';
import type { AdvancesPorts } from '../contract.ts';
import { PAYMENTS } from '../schema.ts';
import { atMost, lease, lessThan, or } from '../sql-terms.ts';

/** How long a lease lasts: far longer than a collection takes, far shorter than the broker's visibility timeout. */
export const LEASE_MS = 5 * 60_000;

/** The leased row, `free` when the payment is not leasable (settled, held by another, not due), or `unsure`. */
export type Lease = { kind: 'leased'; row: Row } | { kind: 'free' } | { kind: 'unsure' };

export async function takeLease(ports: AdvancesPorts, paymentId: string): Promise<Lease> {
  const now = ports.clock.nowMs();
  const leasable = or(and(eq('state', 'DUE'), atMost('dueAtMs', now)), and(eq('state', 'PROCESSING'), lessThan('leaseUntilMs', now)));
  const outcome = await inTransaction<Lease>(ports.sql, async (run) => {
    const r = await run({ op: 'update', table: PAYMENTS, key: paymentId, assign: lease(now + LEASE_MS, ports.self), where: leasable });
    if (r.rowCount === 0) return { commit: false, value: { kind: 'free' } };
    return { commit: true, value: { kind: 'leased', row: r.rows[0]! } };
  });
  return outcome.kind === 'committed' || outcome.kind === 'refused' ? outcome.value : { kind: 'unsure' };
}

/** Marks a leased payment PAID, if the lease is still this worker's; whether the task is finished. */
export async function markPaid(ports: AdvancesPorts, p: Row): Promise<boolean> {
  const outcome = await inTransaction(ports.sql, async (run) => {
    await run({ op: 'update', table: PAYMENTS, key: p.id as string, assign: setValues({ state: 'PAID' }), where: heldWith(p.fence as number) });
    return { commit: true, value: null };
  });
  return outcome.kind === 'committed';
}

/** The payment is still PROCESSING under this fencing token. */
export function heldWith(fence: number): ReturnType<typeof and> {
  return and(eq('state', 'PROCESSING'), eq('fence', fence));
}
