/**
 * Fake external financial institution: the ground truth for money outside.
 *
 * State machine per client reference. In `idempotent` mode a repeated
 * reference returns the first result and applies nothing; in `non-idempotent`
 * mode every delivery applies again (the double-debit hazard). Requests may
 * carry an expiry, after which they are refused unapplied; a coordinator can
 * rely on that to make "not found" final. Faults: downtime windows, 5xx
 * before or after applying, lost replies and slow replies.
 */
import type { Json } from '../../impl/ports/ports.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { ServiceResponse } from '../net/network.ts';
import type { ExternalOptions } from './external-options.ts';
import { faultFires, withReplyFaults } from './call-faults.ts';
import type { FaultScript } from './fault-script.ts';

export interface ReferenceRecord {
  accountId: string;
  amountMinor: number;
  applied: number;
  undone: number;
  /** The first reply, replayed for repeats in idempotent mode. */
  first: Json;
}

export class ExternalInstitution {
  readonly balances = new Map<string, number>();
  readonly references = new Map<string, ReferenceRecord>();
  readonly counts = { down: 0, unavailable: 0, errorBefore: 0, errorAfter: 0, lostReplies: 0, slow: 0, rejected: 0 };

  constructor(
    private readonly sim: Simulator,
    public options: ExternalOptions,
    private readonly script: FaultScript,
    accounts: ReadonlyArray<[string, number]>,
  ) {
    for (const [id, balance] of accounts) this.balances.set(id, balance);
  }

  totalMinor(): number {
    let sum = 0;
    for (const b of this.balances.values()) sum += b;
    return sum;
  }

  /** Net amount taken out under `reference` (applications minus undos). */
  netDebitedMinor(reference: string): number {
    const r = this.references.get(reference);
    return r === undefined ? 0 : (r.applied - r.undone) * r.amountMinor;
  }

  isDown(): boolean {
    const now = this.sim.now;
    return this.options.downWindows.some((w) => now >= w.fromMs && now < w.toMs);
  }

  handle(method: string, body: Json): ServiceResponse {
    const forced = this.script.forCall('external', method);
    const o = this.options;
    if (this.isDown()) {
      this.counts.down++;
      return { reply: { kind: 'error', code: 'UNAVAILABLE' } };
    }
    if (faultFires(this.sim, 'external', forced, 'unavailable', o.unavailableProbability)) {
      this.counts.unavailable++;
      return { reply: { kind: 'error', code: 'UNAVAILABLE' } };
    }
    if (faultFires(this.sim, 'external', forced, 'error-before', o.errorBeforeProbability)) {
      this.counts.errorBefore++;
      return { reply: { kind: 'error', code: 'SERVER_ERROR' } };
    }
    const value = this.apply(method, body as Record<string, Json>);
    if (faultFires(this.sim, 'external', forced, 'error-after', o.errorAfterProbability)) {
      this.counts.errorAfter++;
      return { reply: { kind: 'error', code: 'SERVER_ERROR' } };
    }
    return withReplyFaults(this.sim, 'external', forced, o, this.counts, { reply: { kind: 'reply', value } });
  }

  private apply(method: string, body: Record<string, Json>): Json {
    const reference = String(body.reference);
    const expired = typeof body.expiresAtMs === 'number' && this.sim.now > body.expiresAtMs;
    const rec = this.references.get(reference);
    switch (method) {
      case 'cashOut':
        return this.cashOut(reference, rec, String(body.accountId), Number(body.amountMinor), expired);
      case 'undo':
        return this.undo(rec, expired, typeof body.ifUndone === 'number' ? body.ifUndone : null);
      case 'status':
        return { applied: rec?.applied ?? 0, undone: rec?.undone ?? 0 };
      default:
        throw new Error(`external: unknown method ${method}`);
    }
  }

  private cashOut(reference: string, rec: ReferenceRecord | undefined, accountId: string, amountMinor: number, expired: boolean): Json {
    if (rec !== undefined && this.options.mode === 'idempotent') return rec.first;
    if (expired) return { status: 'REJECTED', code: 'EXPIRED' };
    const balance = this.balances.get(accountId);
    let result: Json;
    if (balance === undefined) {
      result = { status: 'REJECTED', code: 'UNKNOWN_ACCOUNT' };
    } else if (balance < amountMinor && !this.options.allowNegativeBalance) {
      result = { status: 'REJECTED', code: 'INSUFFICIENT_FUNDS' };
    } else {
      this.balances.set(accountId, balance - amountMinor);
      result = { status: 'APPLIED' };
    }
    const record = rec ?? { accountId, amountMinor, applied: 0, undone: 0, first: result };
    if ((result as { status: string }).status === 'APPLIED') record.applied++;
    else this.counts.rejected++;
    this.references.set(reference, record);
    return result;
  }

  private undo(rec: ReferenceRecord | undefined, expired: boolean, ifUndone: number | null): Json {
    if (rec === undefined || rec.applied === 0) return { status: 'NOT_FOUND' };
    if (this.options.mode === 'idempotent' && rec.undone > 0) return { status: 'UNDONE' };
    if (expired || rec.undone >= rec.applied) return { status: 'NOT_FOUND' };
    // A conditional undo whose precondition no longer holds undoes nothing.
    if (ifUndone !== null && rec.undone !== ifUndone) return { status: 'NOT_FOUND' };
    rec.undone++;
    this.balances.set(rec.accountId, this.balances.get(rec.accountId)! + rec.amountMinor);
    return { status: 'UNDONE' };
  }
}
