/**
 * The simulated user and their mobile app. For each planned transfer the user
 * presses the button; the app retries the same press (same idempotency key)
 * after a timeout or error until it gets an answer, quickly at first and then
 * at the status-poll interval, so that a press that is never answered shows
 * as `RequestsAnswered` rather than quietly giving up; after a FAILED answer
 * the user may press again (a new key), as in seed 003; after PENDING the app
 * polls the status until the transfer settles. The phone itself never
 * crashes.
 */
import type { TransferAnswer } from '../../impl/bank-transfer/contract.ts';
import type { Json } from '../../impl/ports/ports.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { simTimers } from '../kernel/process-ports.ts';
import type { Network } from '../net/network.ts';
import type { AnswerBook, PressRecord } from './answer-book.ts';
import type { BankTransferConfig, TransferPlan } from './world-config.ts';

export class MobileClient {
  /** Presses and polls still under way; the run is not quiescent while any are. */
  busy = 0;
  presses = 0;
  plansStarted = 0;
  pendingAnswers = 0;
  private readonly timers;

  constructor(
    private readonly sim: Simulator,
    private readonly net: Network,
    private readonly proc: SimProcess,
    private readonly config: BankTransferConfig,
    private readonly book: AnswerBook,
    private readonly onAnswer: (answer: TransferAnswer, press: PressRecord) => void,
  ) {
    this.timers = simTimers(sim, proc);
  }

  scheduleWorkload(): void {
    this.config.workload.forEach((plan, index) => {
      this.busy++;
      this.sim.schedule(plan.atMs, this.proc, 'press', null, () => {
        void this.pressFlow(plan, index).finally(() => this.busy--);
      }, { phase: 'timer' });
    });
  }

  private async pressFlow(plan: TransferPlan, index: number): Promise<void> {
    this.plansStarted++;
    const userId = plan.userId ?? this.config.accounts.find((a) => a.accountId === plan.accountId)?.userId ?? 'user-unknown';
    for (let press = 0; press <= plan.pressAgainMax; press++) {
      this.presses++;
      const key = `p${index}.${press}`;
      const record = this.book.press(key, plan.accountId, userId, plan.amountMinor);
      const body = { idempotencyKey: key, userId, accountId: plan.accountId, amountMinor: plan.amountMinor };
      const answer = await this.callUntilAnswered('transfer', key, body, record);
      if (answer.status === 'PENDING') {
        this.pendingAnswers++;
        return this.pollUntilSettled(answer.transferId, record);
      }
      if (answer.status === 'SUCCESS') return;
      if (press < plan.pressAgainMax) await this.timers.sleep(this.config.client.pressAgainDelayMs);
    }
  }

  private async pollUntilSettled(transferId: string, record: PressRecord): Promise<void> {
    for (;;) {
      await this.timers.sleep(this.config.client.statusPollMs);
      const answer = await this.callUntilAnswered('status', transferId, { transferId }, record);
      if (answer.status !== 'PENDING') return;
    }
  }

  /**
   * One user action: the app's call and its retries with the same key until
   * an answer comes. The first `retries` retries follow `retryDelayMs`; later
   * ones back off from `statusPollMs` up to `retryDelayMsMax`, as an app that
   * keeps checking in the background without hammering a server that does
   * not answer.
   */
  private async callUntilAnswered(op: 'transfer' | 'status', key: string, body: Json, record: PressRecord): Promise<TransferAnswer> {
    const { timeoutMs, retries, retryDelayMs, retryDelayMsMax, statusPollMs } = this.config.client;
    let backoffMs = statusPollMs;
    for (let attempt = 0; ; attempt++) {
      if (op === 'transfer') record.attempts++;
      const reply = await this.net.call<TransferAnswer>(this.proc, 'api', op, body, timeoutMs);
      if (reply.kind === 'reply') {
        this.book.record({ timeMs: this.sim.now, op, key, outcome: 'ok', answer: reply.value }, record);
        this.sim.trace.record(this.sim.steps, this.sim.now, 'answer', 'mobile', 'api', `${op} ${key}: ${describe(reply.value)}`);
        this.onAnswer(reply.value, record);
        return reply.value;
      }
      this.book.record({ timeMs: this.sim.now, op, key, outcome: 'unknown' }, record);
      if (attempt < retries) {
        await this.timers.sleep(retryDelayMs);
      } else {
        await this.timers.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, retryDelayMsMax);
      }
    }
  }
}

function describe(a: TransferAnswer): string {
  return `${a.status}${a.transferId ? ' ' + a.transferId : ''}${a.code ? ' ' + a.code : ''}`;
}
