/**
 * Fake internal balance store: the ground truth for money inside.
 *
 * Credits are keyed by transfer id and idempotent: a repeated id returns the
 * first result, whether that was CREDITED or a permanent rejection. Faults:
 * antifraud or domain rejection (permanent), rate limiting (transient, not
 * applied), lost replies and slow replies (outcome unknown to the caller).
 */
import type { Json } from '../../impl/ports/ports.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { ServiceResponse } from '../net/network.ts';
import { faultFires, withReplyFaults } from './call-faults.ts';
import type { FaultScript, ForcedCallFault } from './fault-script.ts';
import type { LedgerOptions } from './ledger-options.ts';

export interface CreditRecord {
  userId: string;
  amountMinor: number;
  credited: boolean;
  first: Json;
}

export class InternalLedger {
  readonly balances = new Map<string, number>();
  readonly credits = new Map<string, CreditRecord>();
  readonly counts = { rejected: 0, rateLimited: 0, lostReplies: 0, slow: 0 };

  constructor(
    private readonly sim: Simulator,
    public options: LedgerOptions,
    private readonly script: FaultScript,
  ) {}

  totalMinor(): number {
    let sum = 0;
    for (const b of this.balances.values()) sum += b;
    return sum;
  }

  creditedMinor(transferId: string): number {
    const c = this.credits.get(transferId);
    return c !== undefined && c.credited ? c.amountMinor : 0;
  }

  handle(method: string, body: Json): ServiceResponse {
    if (method !== 'credit') throw new Error(`ledger: unknown method ${method}`);
    const forced = this.script.forCall('ledger', method);
    const o = this.options;
    const req = body as { transferId: string; userId: string; amountMinor: number };
    const existing = this.credits.get(req.transferId);
    if (existing === undefined && faultFires(this.sim, 'ledger', forced, 'rate-limit', o.rateLimitProbability)) {
      this.counts.rateLimited++;
      return { reply: { kind: 'error', code: 'RATE_LIMITED' } };
    }
    const value = existing !== undefined ? existing.first : this.credit(req, forced);
    return withReplyFaults(this.sim, 'ledger', forced, o, this.counts, { reply: { kind: 'reply', value } });
  }

  private credit(req: { transferId: string; userId: string; amountMinor: number }, forced: ForcedCallFault[]): Json {
    let result: Json;
    let credited = false;
    if (faultFires(this.sim, 'ledger', forced, 'reject', this.options.rejectProbability)) {
      this.counts.rejected++;
      result = { status: 'REJECTED', code: 'ANTIFRAUD' };
    } else {
      credited = true;
      this.balances.set(req.userId, (this.balances.get(req.userId) ?? 0) + req.amountMinor);
      result = { status: 'CREDITED' };
    }
    this.credits.set(req.transferId, { userId: req.userId, amountMinor: req.amountMinor, credited, first: result });
    return result;
  }
}
