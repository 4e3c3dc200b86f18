/**
 * The fake investor account service of fund-investment: the investors'
 * balances, the ground truth for money on the investors' side.
 *
 * A withdrawal carries the caller's key and, optionally, an expiry: one
 * arriving at or after its expiry is refused unapplied. In mode
 * `idempotent` a repeated key gets the first answer (applied or short of
 * money) and nothing is applied again; in mode `non-idempotent` every
 * request is a new withdrawal. A withdrawal never overdraws: it is answered
 * `insufficient`. `lookup` counts the applications under a key; refunds are
 * idempotent by their key in both modes. Outside money arrives as scheduled
 * top-ups. After every change of a balance the service says so
 * (`onBalanceChange`); the world has it tell the balance cache to drop
 * that investor's entry, a message that can be lost, and an invalidation
 * the cache can lose.
 *
 * Books per transaction id (withdrawn, refunded) and each investor's
 * balance history (for judging a refusal for want of money) are what the
 * invariants read.
 */
import { type RefundRequest, type WithdrawReply, type WithdrawRequest } from '../../impl/fund-investment/contract.ts';
import type { Json } from '../../impl/ports/ports.ts';
import type { FaultScript } from '../fakes/fault-script.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { faultyCall, newCallFaultCounts, type CallFaultOptions } from '../kit/faulty-call.ts';
import type { Network } from '../net/network.ts';

export interface InvestorServiceOptions extends CallFaultOptions {
  mode: 'idempotent' | 'non-idempotent';
}

export interface TopUp {
  atMs: number;
  investor: string;
  amountMinor: number;
}

export interface TransactionLedger {
  withdrawnMinor: number;
  refundedMinor: number;
}

export class InvestorService {
  readonly balances = new Map<string, number>();
  /** Per investor: (instant, balance) after every change, oldest first. */
  readonly history = new Map<string, Array<{ atMs: number; balanceMinor: number }>>();
  /** Per transaction id: money withdrawn and refunded under it. */
  readonly ledger = new Map<string, TransactionLedger>();
  private readonly withdrawals = new Map<string, { applied: number; first: WithdrawReply }>();
  private readonly refunds = new Set<string>();
  toppedUpMinor = 0;
  /** Bumped on every change of the books, for invariants that cache what they read. */
  version = 0;
  readonly counts = { ...newCallFaultCounts(), withdrawals: 0, expired: 0, insufficient: 0, replayed: 0, appliedAgain: 0, refunds: 0, topUps: 0 };

  /** Told of every change of a balance (the world sends the cache an invalidation). */
  onBalanceChange: (investor: string) => void = () => {};

  constructor(
    private readonly sim: Simulator,
    readonly proc: SimProcess,
    public options: InvestorServiceOptions,
    private readonly script: FaultScript,
    accounts: ReadonlyArray<{ id: string; balanceMinor: number }>,
  ) {
    for (const a of accounts) {
      this.balances.set(a.id, a.balanceMinor);
      this.history.set(a.id, [{ atMs: 0, balanceMinor: a.balanceMinor }]);
    }
  }

  register(net: Network, name: string): void {
    net.register(name, this.proc, (method, body) =>
      faultyCall({ sim: this.sim, service: name, script: this.script, options: this.options, counts: this.counts }, method, () => this.apply(method, body as Record<string, Json>)),
    );
  }

  scheduleTopUps(topUps: readonly TopUp[]): void {
    for (const t of topUps) {
      this.sim.schedule(t.atMs, this.proc, 'top-up', () => {
        if (!this.balances.has(t.investor)) return;
        this.counts.topUps++;
        this.toppedUpMinor += t.amountMinor;
        this.change(t.investor, t.amountMinor, `top-up ${t.amountMinor} to ${t.investor}`);
      }, null, { phase: 'timer' });
    }
  }

  /** The lowest balance `investor` had between two instants (both included). */
  lowestBalance(investor: string, fromMs: number, toMs: number): number {
    const h = this.history.get(investor) ?? [];
    let lowest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < h.length; i++) {
      // Entry i holds from its instant until the next entry's; a change and
      // its undoing at one instant still count as a moment of that balance.
      const at = h[i]!.atMs;
      const until = h[i + 1]?.atMs ?? Number.POSITIVE_INFINITY;
      if (at <= toMs && (until > fromMs || at >= fromMs)) lowest = Math.min(lowest, h[i]!.balanceMinor);
    }
    return lowest;
  }

  totalMinor(): number {
    let sum = 0;
    for (const b of this.balances.values()) sum += b;
    return sum;
  }

  private apply(method: string, body: Record<string, Json>): Json {
    switch (method) {
      case 'balance': {
        const investor = String(body.investor);
        return { known: this.balances.has(investor), balanceMinor: this.balances.get(investor) ?? 0 };
      }
      case 'withdraw':
        return this.withdraw(body as unknown as WithdrawRequest) as unknown as Json;
      case 'lookup':
        return { applied: this.withdrawals.get(String(body.key))?.applied ?? 0 };
      case 'refund':
        return this.refund(body as unknown as RefundRequest);
      default:
        throw new Error(`investor service: unknown method ${method}`);
    }
  }

  private withdraw(req: WithdrawRequest): WithdrawReply {
    if (req.expiresAtMs !== null && req.expiresAtMs !== undefined && this.sim.now >= req.expiresAtMs) {
      this.counts.expired++;
      return { outcome: 'expired' };
    }
    const balance = this.balances.get(req.investor);
    if (balance === undefined) return { outcome: 'unknown-investor' };
    const seen = this.withdrawals.get(req.key);
    if (seen !== undefined && this.options.mode === 'idempotent') {
      this.counts.replayed++;
      return seen.first;
    }
    const amount = req.amountMinor;
    const reply: WithdrawReply = { outcome: balance < amount ? 'insufficient' : 'applied' };
    const record = seen ?? { applied: 0, first: reply };
    this.withdrawals.set(req.key, record);
    if (reply.outcome === 'insufficient') {
      this.counts.insufficient++;
      return reply;
    }
    if (record.applied > 0) this.counts.appliedAgain++;
    record.applied++;
    this.counts.withdrawals++;
    this.ledgerOf(req.transactionId).withdrawnMinor += amount;
    this.change(req.investor, -amount, `withdrew ${amount} from ${req.investor} for ${req.transactionId}`);
    return reply;
  }

  private refund(req: RefundRequest): Json {
    if (!this.refunds.has(req.key) && this.balances.has(req.investor)) {
      this.refunds.add(req.key);
      this.counts.refunds++;
      this.ledgerOf(req.transactionId).refundedMinor += req.amountMinor;
      this.change(req.investor, req.amountMinor, `refunded ${req.amountMinor} to ${req.investor} for ${req.transactionId}`);
    }
    return { outcome: 'applied' };
  }

  private ledgerOf(transactionId: string): TransactionLedger {
    let l = this.ledger.get(transactionId);
    if (l === undefined) {
      l = { withdrawnMinor: 0, refundedMinor: 0 };
      this.ledger.set(transactionId, l);
    }
    return l;
  }

  private change(investor: string, deltaMinor: number, note: string): void {
    const balance = (this.balances.get(investor) ?? 0) + deltaMinor;
    this.balances.set(investor, balance);
    this.history.get(investor)!.push({ atMs: this.sim.now, balanceMinor: balance });
    this.version++;
    this.sim.trace.record(this.sim.steps, this.sim.now, 'note', this.proc.name, investor, note);
    this.onBalanceChange(investor);
  }
}
