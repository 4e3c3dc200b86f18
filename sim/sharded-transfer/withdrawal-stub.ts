/**
 * The external withdrawal service of seed 000 (its "WithdrawalServiceStub").
 *
 * The caller chooses the withdrawal id; a submission is idempotent by id
 * while the service remembers it; a withdrawal completes (paid) or fails
 * after a delay; a status query by id answers processing, completed, failed
 * or unknown. Mode `stateless` is the seed's stub: a restart forgets every
 * withdrawal, so a status query afterwards answers unknown and a second
 * submission with the same id pays again. Mode `durable` keeps its records.
 * A withdrawal still processing when the service goes down was either
 * handed to the payee's bank already or not: which one is a fault choice,
 * taken at the restart (`paidDespiteRestartProbability`).
 *
 * Ground truth: the payees' own books (`paid`), every payout that reached a
 * payee, whatever the service remembers.
 */
import type { WithdrawalAnswer, WithdrawalState } from '../../impl/sharded-transfer/contract.ts';
import type { Json } from '../../impl/ports/ports.ts';
import { chance, intBetween } from '../choice/choice-source.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network, ServiceResponse } from '../net/network.ts';

export interface StubOptions {
  mode: 'stateless' | 'durable';
  completionMsMin: number;
  completionMsMax: number;
  /** Per withdrawal: the payout fails (nothing paid). */
  failProbability: number;
  /** Per withdrawal processing at a restart: it was paid all the same. */
  paidDespiteRestartProbability: number;
}

export interface Payout {
  withdrawalId: string;
  payee: string;
  amountMinor: number;
}

export class WithdrawalStub {
  boot = 1;
  private rememberedSinceBoot = 1;
  private readonly records = new Map<string, { state: WithdrawalState; payee: string; amountMinor: number }>();
  /** The payees' books: every payout made, in order. */
  readonly paid: Payout[] = [];
  readonly counts = { submits: 0, restarts: 0, forgotten: 0, paidDespiteRestart: 0, duplicatePayouts: 0 };

  constructor(
    private readonly sim: Simulator,
    readonly proc: SimProcess,
    public options: StubOptions,
  ) {}

  register(net: Network, name: string): void {
    net.register(name, this.proc, (method, body) => this.handle(method, body as { withdrawalId: string; payee?: string; amountMinor?: number }));
  }

  /** Paid so far, in minor units. */
  paidTotalMinor(): number {
    let total = 0;
    for (const p of this.paid) total += p.amountMinor;
    return total;
  }

  /** Brings the service back after a crash: in-flight payouts land or not; a stateless service forgets. */
  restart(): void {
    this.counts.restarts++;
    this.boot++;
    for (const [id, r] of this.records) {
      if (r.state !== 'processing') continue;
      const paid = chance(this.sim.choice, 'stub.paidDespiteRestart', this.options.paidDespiteRestartProbability);
      if (paid) {
        this.counts.paidDespiteRestart++;
        this.payOut(id, r.payee, r.amountMinor);
      }
      r.state = paid ? 'completed' : 'failed';
    }
    if (this.options.mode === 'stateless') {
      this.counts.forgotten += this.records.size;
      this.records.clear();
      this.rememberedSinceBoot = this.boot;
    }
  }

  private handle(method: string, body: { withdrawalId: string; payee?: string; amountMinor?: number }): ServiceResponse {
    const id = String(body.withdrawalId);
    if (method === 'submit' && !this.records.has(id)) {
      this.counts.submits++;
      const record = { state: 'processing' as WithdrawalState, payee: String(body.payee), amountMinor: Number(body.amountMinor) };
      this.records.set(id, record);
      const delay = intBetween(this.sim.choice, 'stub.delay', this.options.completionMsMin, this.options.completionMsMax);
      this.sim.schedule(delay, this.proc, 'payout', () => {
        if (record.state !== 'processing') return;
        const failed = chance(this.sim.choice, 'stub.fail', this.options.failProbability);
        record.state = failed ? 'failed' : 'completed';
        if (!failed) this.payOut(id, record.payee, record.amountMinor);
      }, null, { phase: 'timer' });
    }
    const state: WithdrawalState = this.records.get(id)?.state ?? 'unknown';
    const answer: WithdrawalAnswer = { state, boot: this.boot, rememberedSinceBoot: this.rememberedSinceBoot };
    return { reply: { kind: 'reply', value: answer as unknown as Json } };
  }

  private payOut(withdrawalId: string, payee: string, amountMinor: number): void {
    if (this.paid.some((p) => p.withdrawalId === withdrawalId)) this.counts.duplicatePayouts++;
    this.paid.push({ withdrawalId, payee, amountMinor });
    this.sim.trace.record(this.sim.steps, this.sim.now, 'note', this.proc.name, payee, `paid ${amountMinor} to ${payee} for ${withdrawalId}`);
  }
}
