/**
 * The simulated investors' client of fund-investment. For each planned
 * investment it sends the request to one of the transaction service's
 * nodes and, on a timeout, an error or RETRY, sends it again with the same
 * key to the next node, backing off, until it gets a final answer
 * (ACCEPTED or REJECTED): a request never answered shows as
 * `RequestsAnswered`, not as a quiet give-up. It records when it first
 * asked and when it was answered, so that a refusal can be judged against
 * the investor's balance over that time. It never crashes.
 */
import type { InvestAnswer } from '../../impl/fund-investment/contract.ts';
import type { Json } from '../../impl/ports/ports.ts';
import { simTimers } from '../kernel/process-ports.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network } from '../net/network.ts';
import type { FundConfig, InvestmentPlan } from './config.ts';

export interface InvestRecord {
  plan: InvestmentPlan;
  attempts: number;
  /** The final answer, once one came. */
  answer: Extract<InvestAnswer, { status: 'ACCEPTED' | 'REJECTED' }> | null;
  firstSentAtMs: number | null;
  answeredAtMs: number | null;
}

export class InvestClient {
  busy = 0;
  readonly records: InvestRecord[] = [];

  constructor(
    private readonly sim: Simulator,
    private readonly net: Network,
    private readonly proc: SimProcess,
    private readonly config: FundConfig,
    private readonly onAnswer: (record: InvestRecord) => void,
  ) {}

  scheduleWorkload(): void {
    this.config.workload.forEach((plan, i) => {
      const record: InvestRecord = { plan, attempts: 0, answer: null, firstSentAtMs: null, answeredAtMs: null };
      this.records.push(record);
      this.busy++;
      this.sim.schedule(plan.atMs, this.proc, 'request', null, () => {
        void this.flow(record, i).finally(() => this.busy--);
      }, { phase: 'timer' });
    });
  }

  private async flow(record: InvestRecord, first: number): Promise<void> {
    const { plan } = record;
    const { nodes, client } = this.config;
    const timers = simTimers(this.sim, this.proc);
    const body = { key: plan.key, investor: plan.investor, fund: plan.fund, amountMinor: plan.amountMinor } as Json;
    record.firstSentAtMs = this.sim.now;
    let delayMs = client.retryDelayMs;
    for (;;) {
      const node = nodes[(first + record.attempts) % nodes.length]!;
      record.attempts++;
      const r = await this.net.call<InvestAnswer>(this.proc, node, 'invest', body, client.timeoutMs);
      if (r.kind === 'reply' && r.value.status !== 'RETRY') {
        record.answer = r.value;
        record.answeredAtMs = this.sim.now;
        this.onAnswer(record);
        return;
      }
      await timers.sleep(delayMs);
      delayMs = Math.min(client.retryDelayMsMax, delayMs * 2);
    }
  }
}
