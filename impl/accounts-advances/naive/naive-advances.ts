/**
 * The naive advances API and beat, as the seed describes them.
 *
 * An advance is recorded ACTIVE with twelve payments of `amount / 12`
 * (floating point: 1000 / 12 is no whole number of minor units), then the
 * account is credited with a bank transaction; no key ties a client's retry
 * to the advance it already made, and a grant without an answer is simply
 * reported as an error while its payments stay scheduled.
 *
 * The beat hands the broker the payments that fell due since its previous
 * tick (the time of which it keeps in memory), once each, trusting the
 * broker and the workers with the rest; the reconciliation job sums the
 * seed's three kinds of payments in floating point.
 */
import type { Row } from '../../ports/sql.ts';
import { inTransaction, SQL_TIMEOUT_MS } from '../../sql/sql-session.ts';
import type { AdvanceAnswer, AdvanceRequest, AdvancesApi, AdvancesPorts, Beat } from '../contract.ts';
import { ADVANCES, ALERTS, COUNTED_STATES, PAYMENTS, paymentRow, WEEK_MS, WEEKS } from '../schema.ts';
import { ALL } from '../sql-terms.ts';
import { BROKER_TIMEOUT_MS, taskBody } from '../task-loop.ts';

const CALL_TIMEOUT_MS = 1000;

export class NaiveAdvances implements AdvancesApi {
  constructor(private readonly ports: AdvancesPorts) {}

  async requestAdvance(req: AdvanceRequest): Promise<AdvanceAnswer> {
    const ports = this.ports;
    const id = ports.ids.next('adv');
    const recorded = await inTransaction(ports.sql, async (run) => {
      const now = ports.clock.nowMs();
      await run({ op: 'insert', table: ADVANCES, row: { id, requestKey: req.key, accountId: req.accountId, amount: req.amountMinor, state: 'ACTIVE', createdAtMs: now } });
      for (let week = 1; week <= WEEKS; week++) await run({ op: 'insert', table: PAYMENTS, row: paymentRow(id, req.accountId, week, req.amountMinor / WEEKS, now + week * WEEK_MS) });
      return { commit: true, value: null };
    });
    if (recorded.kind !== 'committed') return { status: 'retry', reason: 'could not record the advance' };
    const r = await ports.accounts.bankTransaction(
      { key: ports.ids.next('bt'), accountId: req.accountId, amountMinor: req.amountMinor, direction: 'credit', reason: `Advance ${id}`, advanceId: id, paymentId: null, fence: null },
      CALL_TIMEOUT_MS,
    );
    if (r.kind === 'reply' && r.value.status === 'success') return { status: 'granted', advanceId: id };
    return { status: 'retry', reason: 'the grant failed' };
  }
}

export class NaiveBeat implements Beat {
  private previousTickMs: number;

  constructor(private readonly ports: AdvancesPorts) {
    this.previousTickMs = ports.clock.nowMs();
  }

  async tick(n: number): Promise<void> {
    const ports = this.ports;
    const now = ports.clock.nowMs();
    const since = this.previousTickMs;
    this.previousTickMs = now;
    const payments = await this.all(PAYMENTS);
    if (payments === null) return;
    for (const p of payments) {
      const due = p.dueAtMs as number;
      if (p.state === 'DUE' && due > since && due <= now) await ports.broker.send(taskBody(p.id as string), BROKER_TIMEOUT_MS);
    }
    await this.reconcile(n, payments);
  }

  private async reconcile(n: number, payments: readonly Row[]): Promise<void> {
    const advances = await this.all(ADVANCES);
    for (const a of advances ?? []) {
      let sum = 0;
      for (const p of payments) if (p.advanceId === a.id && COUNTED_STATES.has(p.state as string)) sum += p.amount as number;
      if (sum === a.amount) continue;
      await inTransaction(this.ports.sql, async (run) => {
        await run({ op: 'insertIfAbsent', table: ALERTS, row: { id: `${a.id as string}@${n}`, advanceId: a.id as string, atMs: this.ports.clock.nowMs(), sum } });
        return { commit: true, value: null };
      });
    }
  }

  private async all(table: string): Promise<readonly Row[] | null> {
    const r = await this.ports.sql.query({ op: 'selectWhere', table, where: ALL }, SQL_TIMEOUT_MS);
    return r.kind === 'reply' && r.value.kind === 'ok' ? r.value.rows : null;
  }
}
