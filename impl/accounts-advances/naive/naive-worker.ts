/**
 * The naive worker: exclusivity of a payment is left to the broker. For
 * each task it reads the payment, has the accounts manager debit the
 * account, and then, in a separate step, updates the payment row (the
 * seed's own stated risk: a crash in between leaves the account debited and
 * the payment due). A debit without an answer raises an error and leaves
 * the task to the broker, which hands it out again. A failed payment is
 * added to the payment of the following week (or a new one), whatever
 * state that payment is in.
 */
import type { Row } from '../../ports/sql.ts';
import { inTransaction, setValues, SQL_TIMEOUT_MS } from '../../sql/sql-session.ts';
import type { AdvancesPorts, Worker } from '../contract.ts';
import { PAYMENTS, paymentId, paymentRow, WEEK_MS } from '../schema.ts';
import { consumeTasks, type PaymentTask } from '../task-loop.ts';

const CALL_TIMEOUT_MS = 1000;

export class NaiveWorker implements Worker {
  constructor(private readonly ports: AdvancesPorts) {}

  start(): void {
    void consumeTasks(this.ports, (task) => this.handle(task));
  }

  private async handle(task: PaymentTask): Promise<boolean> {
    const ports = this.ports;
    const read = await ports.sql.query({ op: 'select', table: PAYMENTS, key: task.paymentId }, SQL_TIMEOUT_MS);
    if (read.kind !== 'reply' || read.value.kind !== 'ok') return false;
    const p = read.value.rows[0];
    if (p === undefined) return true;
    const r = await ports.accounts.bankTransaction(
      { key: ports.ids.next('bt'), accountId: p.accountId as string, amountMinor: p.amount as number, direction: 'debit', reason: `Advance payment week ${p.week as number}`, advanceId: p.advanceId as string, paymentId: p.id as string, fence: null },
      CALL_TIMEOUT_MS,
    );
    if (r.kind !== 'reply') return false;
    if (r.value.status === 'success') {
      await inTransaction(ports.sql, async (run) => {
        await run({ op: 'update', table: PAYMENTS, key: p.id as string, assign: setValues({ state: 'PAID' }) });
        return { commit: true, value: null };
      });
      return true;
    }
    if (r.value.status === 'fail') {
      await this.carry(p);
      return true;
    }
    return false;
  }

  private async carry(p: Row): Promise<void> {
    const advanceId = p.advanceId as string;
    const week = (p.week as number) + 1;
    await inTransaction(this.ports.sql, async (run) => {
      await run({ op: 'update', table: PAYMENTS, key: p.id as string, assign: setValues({ state: 'FAILED' }) });
      const next = (await run({ op: 'select', table: PAYMENTS, key: paymentId(advanceId, week) })).rows[0];
      if (next !== undefined) await run({ op: 'update', table: PAYMENTS, key: next.id as string, assign: setValues({ amount: (next.amount as number) + (p.amount as number) }) });
      else await run({ op: 'insert', table: PAYMENTS, row: paymentRow(advanceId, p.accountId as string, week, p.amount as number, (p.dueAtMs as number) + WEEK_MS) });
      return { commit: true, value: null };
    });
  }
}
