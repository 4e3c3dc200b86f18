/**
 * The simulated client of sharded-transfer (the API gateway's caller). For
 * each planned transfer it sends the request through the router to the node
 * owning the donor and retries with the same key, backing off, until it gets
 * a final answer (ACCEPTED or REJECTED): a request that is never answered
 * shows as `RequestsAnswered`, not as a quiet give-up. NOT_OWNER sends it on
 * to the named owner; RETRY, errors and timeouts retry. It never crashes.
 */
import type { TransferAnswer } from '../../impl/sharded-transfer/contract.ts';
import type { Json } from '../../impl/ports/ports.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { simTimers } from '../kernel/process-ports.ts';
import type { Router } from '../kit/router.ts';
import type { Network } from '../net/network.ts';
import type { ShardedConfig, ShardedTransferPlan } from './config.ts';

export interface ClientRecord {
  plan: ShardedTransferPlan;
  attempts: number;
  /** The final answer, once one came. */
  answer: TransferAnswer | null;
  answeredAtMs: number | null;
  notOwner: number;
}

export class TransferClient {
  busy = 0;
  readonly records: ClientRecord[] = [];
  private readonly timers;

  constructor(
    private readonly sim: Simulator,
    private readonly net: Network,
    private readonly proc: SimProcess,
    private readonly router: Router,
    private readonly config: ShardedConfig,
  ) {
    this.timers = simTimers(sim, proc);
  }

  scheduleWorkload(): void {
    for (const plan of this.config.workload) {
      const record: ClientRecord = { plan, attempts: 0, answer: null, answeredAtMs: null, notOwner: 0 };
      this.records.push(record);
      this.busy++;
      this.sim.schedule(plan.atMs, this.proc, 'request', null, () => {
        void this.flow(record).finally(() => this.busy--);
      }, { phase: 'timer' });
    }
  }

  private async flow(record: ClientRecord): Promise<void> {
    const { plan } = record;
    const body = { key: plan.key, from: plan.from, to: plan.to, amountMinor: plan.amountMinor } as Json;
    const c = this.config.client;
    let delayMs = c.retryDelayMs;
    let target = this.router.route(plan.from);
    for (;;) {
      record.attempts++;
      const r = await this.net.call<TransferAnswer>(this.proc, target, 'transfer', body, c.timeoutMs);
      if (r.kind === 'reply' && (r.value.status === 'ACCEPTED' || r.value.status === 'REJECTED')) {
        record.answer = r.value;
        record.answeredAtMs = this.sim.now;
        return;
      }
      if (r.kind === 'reply' && r.value.status === 'NOT_OWNER') {
        record.notOwner++;
        const owner = (r.value as { owner: string }).owner;
        target = this.config.nodes.some((n) => n.node === owner) ? owner : this.router.route(plan.from);
        continue;
      }
      await this.timers.sleep(delayMs);
      delayMs = Math.min(c.retryDelayMsMax, delayMs * 2);
      target = this.router.route(plan.from);
    }
  }
}
