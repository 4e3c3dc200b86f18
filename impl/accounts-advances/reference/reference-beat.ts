/**
 * The reference beat, run by the scheduler every interval: it resumes
 * grants that had no answer, hands the broker a task for every payment of
 * an active advance that is due and not settled (DUE, or PROCESSING with
 * its lease run out: a worker died or stalled), and runs the
 * reconciliation job. Tasks are handed again on every tick until the
 * payment settles; duplicates are harmless, because a worker must lease the
 * payment first.
 *
 * Reconciliation (the seed's formula): for each active advance, the
 * payments that are paid, not yet due or being processed must add up to the
 * advance; it reads them in one statement (one snapshot) and sums whole
 * minor units exactly. An advance that does not add up is flagged with an
 * alert row.
 */
import type { Row } from '../../ports/sql.ts';
import { inTransaction, SQL_TIMEOUT_MS } from '../../sql/sql-session.ts';
import type { AdvancesPorts, Beat } from '../contract.ts';
import { ADVANCES, ALERTS, COUNTED_STATES, PAYMENTS } from '../schema.ts';
import { ALL } from '../sql-terms.ts';
import { BROKER_TIMEOUT_MS, taskBody } from '../task-loop.ts';
import { settleGrant } from './grant.ts';

export class ReferenceBeat implements Beat {
  constructor(private readonly ports: AdvancesPorts) {}

  async tick(n: number): Promise<void> {
    const advances = await this.all(ADVANCES);
    if (advances === null) return;
    for (const a of advances) if (a.state === 'GRANTING') await settleGrant(this.ports, a);
    const active = new Map(advances.filter((a) => a.state === 'ACTIVE').map((a) => [a.id as string, a]));
    const payments = await this.all(PAYMENTS);
    if (payments === null) return;
    const now = this.ports.clock.nowMs();
    for (const p of payments) {
      if (!active.has(p.advanceId as string)) continue;
      const due = p.state === 'DUE' && (p.dueAtMs as number) <= now;
      const abandoned = p.state === 'PROCESSING' && (p.leaseUntilMs as number) < now;
      if (due || abandoned) await this.ports.broker.send(taskBody(p.id as string), BROKER_TIMEOUT_MS);
    }
    await this.reconcile(n, active, payments);
  }

  private async reconcile(n: number, active: ReadonlyMap<string, Row>, payments: readonly Row[]): Promise<void> {
    const sums = new Map<string, number>();
    for (const p of payments) if (COUNTED_STATES.has(p.state as string)) sums.set(p.advanceId as string, (sums.get(p.advanceId as string) ?? 0) + (p.amount as number));
    for (const [id, a] of active) {
      const sum = sums.get(id) ?? 0;
      if (sum === a.amount) continue;
      await inTransaction(this.ports.sql, async (run) => {
        await run({ op: 'insertIfAbsent', table: ALERTS, row: { id: `${id}@${n}`, advanceId: id, atMs: this.ports.clock.nowMs(), sum } });
        return { commit: true, value: null };
      });
    }
  }

  private async all(table: string): Promise<readonly Row[] | null> {
    const r = await this.ports.sql.query({ op: 'selectWhere', table, where: ALL }, SQL_TIMEOUT_MS);
    return r.kind === 'reply' && r.value.kind === 'ok' ? r.value.rows : null;
  }
}
