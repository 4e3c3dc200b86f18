/**
 * The simulated clients of accounts-advances: people transferring money,
 * a borrower asking for an advance, and an analyst paging through the
 * transactions report. Each request is retried with the same key (backing
 * off) until it gets a final answer, so a request that is never answered
 * shows as `RequestsAnswered`, not as a quiet give-up. A report pass pages
 * until the design says there is no next page. The clients never crash.
 */
import type { AdvanceAnswer, ReportAnswer, ReportEntry, TransactionAnswer } from '../../impl/accounts-advances/contract.ts';
import { REPORT_WINDOW_MS } from '../../impl/accounts-advances/schema.ts';
import type { Json } from '../../impl/ports/ports.ts';
import { simTimers } from '../kernel/process-ports.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network } from '../net/network.ts';
import type { AdvancePlan, ClientOptions, ReportPlan, TransferPlan } from './config.ts';

export type RequestRecord =
  | { kind: 'transfer'; plan: TransferPlan; attempts: number; answer: TransactionAnswer | null }
  | { kind: 'advance'; plan: AdvancePlan; attempts: number; answer: AdvanceAnswer | null };

export interface ReportPass {
  plan: ReportPlan;
  fromMs: number;
  /** When the first page was first asked for, and when its answer came. */
  startedMs: number;
  firstAnsweredMs: number | null;
  /** When the last page came. */
  doneMs: number | null;
  entries: Array<ReportEntry & { page: number }>;
  pages: number;
  done: boolean;
  /** A refusal the design gave (`invalid`), if any. */
  refused: string | null;
}

/** Pages a pass reads at most: a report that never ends is cut here. */
const PAGES_MAX = 60;

export class AdvancesClient {
  busy = 0;
  readonly requests: RequestRecord[] = [];
  readonly passes: ReportPass[] = [];
  private readonly timers;

  constructor(
    private readonly sim: Simulator,
    private readonly net: Network,
    private readonly proc: SimProcess,
    private readonly options: ClientOptions,
    private readonly onPass: (pass: ReportPass) => void,
  ) {
    this.timers = simTimers(sim, proc);
  }

  schedule(transfers: readonly TransferPlan[], advances: readonly AdvancePlan[], reports: readonly ReportPlan[]): void {
    for (const plan of transfers) {
      const record: RequestRecord = { kind: 'transfer', plan, attempts: 0, answer: null };
      this.start(plan.atMs, 'transfer', async () => {
        const body = { key: plan.key, srcAccountId: plan.src, dstAccountId: plan.dst, amountMinor: plan.amountMinor, direction: plan.direction };
        record.answer = await this.untilFinal<TransactionAnswer>('accounts', 'transfer', body, (a) => a.status !== 'retry' && a.status !== 'fenced', record);
      });
      this.requests.push(record);
    }
    for (const plan of advances) {
      const record: RequestRecord = { kind: 'advance', plan, attempts: 0, answer: null };
      this.start(plan.atMs, 'advance', async () => {
        const body = { key: plan.key, accountId: plan.accountId, amountMinor: plan.amountMinor };
        record.answer = await this.untilFinal<AdvanceAnswer>('advances', 'requestAdvance', body, (a) => a.status !== 'retry', record);
      });
      this.requests.push(record);
    }
    for (const plan of reports) this.start(plan.atMs, 'report', () => this.pass(plan));
  }

  private start(atMs: number, label: string, flow: () => Promise<void>): void {
    this.busy++;
    this.sim.schedule(atMs, this.proc, label, null, () => {
      void flow().finally(() => {
        this.busy--;
      });
    }, { phase: 'timer' });
  }

  /** Calls until an answer is final. */
  private async untilFinal<A extends { status: string }>(target: string, method: string, body: Json, final: (a: A) => boolean, record: { attempts: number }): Promise<A> {
    let delayMs = this.options.retryDelayMs;
    for (;;) {
      record.attempts++;
      const r = await this.net.call<A>(this.proc, target, method, body, this.options.timeoutMs);
      if (r.kind === 'reply' && final(r.value)) return r.value;
      await this.timers.sleep(delayMs);
      delayMs = Math.min(this.options.retryDelayMsMax, delayMs * 2);
    }
  }

  private async pass(plan: ReportPlan): Promise<void> {
    const pass: ReportPass = { plan, fromMs: this.sim.now - REPORT_WINDOW_MS, startedMs: this.sim.now, firstAnsweredMs: null, doneMs: null, entries: [], pages: 0, done: false, refused: null };
    this.passes.push(pass);
    let page = 1;
    let cursor: string | null = null;
    while (pass.pages < PAGES_MAX) {
      const body = { fromMs: pass.fromMs, limit: plan.limit, page, cursor } as Json;
      const answer = await this.untilFinal<ReportAnswer>('accounts', 'report', body, (a) => a.status !== 'retry', { attempts: 0 });
      if (answer.status !== 'ok') {
        pass.refused = answer.status === 'invalid' ? answer.reason : answer.status;
        break;
      }
      pass.firstAnsweredMs ??= this.sim.now;
      pass.pages++;
      for (const e of answer.transactions) pass.entries.push({ ...e, page });
      if (answer.cursor !== null) cursor = answer.cursor;
      else if (answer.totalPages === null || page >= answer.totalPages) break;
      page++;
    }
    pass.done = true;
    pass.doneMs = this.sim.now;
    this.onPass(pass);
  }
}
