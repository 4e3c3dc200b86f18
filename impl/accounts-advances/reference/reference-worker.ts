/**
 * The reference worker: for each task it leases the payment
 * (payment-lease.ts), collects it with a bank transaction keyed by the
 * payment and carrying the lease's fencing token, then records the outcome
 * under the same token: PAID, or carried forward (carry-forward.ts). A
 * call without an answer is asked again with the same key while the lease
 * lasts; whoever leases the payment next gets the manager's recorded answer
 * for that key, so a payment is collected once even when the worker dies
 * between the debit and the payment row. A task it cannot finish is left
 * unacknowledged for the broker to hand out again.
 */
import type { Row } from '../../ports/sql.ts';
import type { AdvancesPorts, Worker } from '../contract.ts';
import { consumeTasks, type PaymentTask } from '../task-loop.ts';
import { carryForward } from './carry-forward.ts';
import { CALL_TIMEOUT_MS } from './grant.ts';
import { markPaid, takeLease } from './payment-lease.ts';

/** A call without an answer is asked again after this, doubling up to a minute, while the lease lasts. */
const RETRY_MS_MIN = 1000;
const RETRY_MS_MAX = 60_000;

export class ReferenceWorker implements Worker {
  constructor(private readonly ports: AdvancesPorts) {}

  start(): void {
    void consumeTasks(this.ports, (task) => this.handle(task));
  }

  private async handle(task: PaymentTask): Promise<boolean> {
    const lease = await takeLease(this.ports, task.paymentId);
    if (lease.kind !== 'leased') return lease.kind === 'free';
    return this.collect(lease.row);
  }

  private async collect(p: Row): Promise<boolean> {
    const ports = this.ports;
    const week = p.week as number;
    let retryMs = RETRY_MS_MIN;
    while (ports.clock.nowMs() < (p.leaseUntilMs as number)) {
      const r = await ports.accounts.bankTransaction(
        {
          key: `repay:${p.id as string}`,
          accountId: p.accountId as string,
          amountMinor: p.amount as number,
          direction: 'debit',
          reason: `advance payment week ${week}`,
          advanceId: p.advanceId as string,
          paymentId: p.id as string,
          fence: p.fence as number,
        },
        CALL_TIMEOUT_MS,
      );
      if (r.kind === 'reply') {
        const status = r.value.status;
        if (status === 'success') return markPaid(ports, p);
        if (status === 'fail') return carryForward(ports, p);
        if (status === 'fenced' || status === 'invalid') return true;
      }
      await ports.timers.sleep(retryMs);
      retryMs = Math.min(RETRY_MS_MAX, retryMs * 2);
    }
    return false;
  }
}
