/**
 * The fake fund account service of fund-investment: the funds' accounts and
 * their criteria, the ground truth for money on the funds' side.
 *
 * Each fund has a minimum investment and a number of seats; a seat is held
 * by an admitted investor (one who has remitted) or by a live reservation.
 * `reserve` holds a seat for a transaction until it is remitted, released
 * or lapses after `reservationTtlMs`; it is idempotent by transaction id: a
 * repeated request (a retry, a late duplicate after the seat was released)
 * gets the first answer and holds nothing new.
 * `remit` credits the fund and admits the investor, or rejects the
 * remittance when it is below the minimum or when the investor has no seat
 * and none is free; with `refuseProbability` (or a forced `reject`) it
 * refuses it for good and drops the reservation (a compliance hold). A
 * remittance with a key answers a repeated key with its first answer and
 * applies nothing; one without a key is always new. `criteria` reads the
 * fund's minimum and how many seats are taken.
 *
 * Books per transaction id (money remitted, remittances applied) and per
 * fund (balance, admitted investors) are what the invariants read.
 */
import type { FundMove, RemitReason, ReserveOutcome } from '../../impl/fund-investment/contract.ts';
import type { Json } from '../../impl/ports/ports.ts';
import { faultFires } from '../fakes/call-faults.ts';
import type { FaultScript, ForcedCallFault } from '../fakes/fault-script.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { faultyCall, newCallFaultCounts, type CallFaultOptions } from '../kit/faulty-call.ts';
import type { Network } from '../net/network.ts';

export interface FundServiceOptions extends CallFaultOptions {
  /** A reservation lapses this long after it was made unless remitted or released. */
  reservationTtlMs: number;
  /** Per remittance: refused for good, its reservation dropped. */
  refuseProbability: number;
}

export interface FundSpec {
  id: string;
  minimumMinor: number;
  seats: number;
}

export interface FundBooks {
  spec: FundSpec;
  balanceMinor: number;
  admitted: Set<string>;
  /** Live reservations by transaction id. */
  reservations: Map<string, { investor: string; untilMs: number }>;
}

type RemitReply = { outcome: 'applied' | 'rejected'; reason: RemitReason | null };

export class FundService {
  readonly funds = new Map<string, FundBooks>();
  /** Per transaction id: money remitted and remittances applied under it. */
  readonly ledger = new Map<string, { remittedMinor: number; remittances: number }>();
  private readonly remits = new Map<string, RemitReply>();
  /** The first answer to `reserve` per transaction id. */
  private readonly reserveAnswers = new Map<string, ReserveOutcome>();
  version = 0;
  readonly counts = { ...newCallFaultCounts(), reserved: 0, reserveFull: 0, remitted: 0, rejectedFull: 0, rejectedBelowMinimum: 0, refused: 0, lapsed: 0, released: 0 };

  constructor(
    private readonly sim: Simulator,
    readonly proc: SimProcess,
    public options: FundServiceOptions,
    private readonly script: FaultScript,
    specs: readonly FundSpec[],
  ) {
    for (const spec of specs) this.funds.set(spec.id, { spec, balanceMinor: 0, admitted: new Set(), reservations: new Map() });
  }

  register(net: Network, name: string): void {
    net.register(name, this.proc, (method, body) =>
      faultyCall({ sim: this.sim, service: name, script: this.script, options: this.options, counts: this.counts }, method, (forced) => this.apply(method, body as Record<string, Json>, forced)),
    );
  }

  totalMinor(): number {
    let sum = 0;
    for (const f of this.funds.values()) sum += f.balanceMinor;
    return sum;
  }

  /** Transactions holding a live reservation, by fund. */
  liveReservations(): Array<{ fund: string; transactionId: string }> {
    const out: Array<{ fund: string; transactionId: string }> = [];
    for (const f of this.funds.values()) {
      this.lapse(f);
      for (const tx of f.reservations.keys()) out.push({ fund: f.spec.id, transactionId: tx });
    }
    return out;
  }

  private apply(method: string, body: Record<string, Json>, forced: readonly ForcedCallFault[]): Json {
    const fund = this.funds.get(String(body.fund));
    if (fund !== undefined) this.lapse(fund);
    switch (method) {
      case 'criteria':
        return fund === undefined ? { known: false, minimumMinor: 0, seats: 0, seatsTaken: 0 } : { known: true, minimumMinor: fund.spec.minimumMinor, seats: fund.spec.seats, seatsTaken: taken(fund).size };
      case 'reserve':
        return { outcome: this.reserve(fund, body as unknown as FundMove) };
      case 'release': {
        const released = fund?.reservations.delete(String(body.transactionId)) ?? false;
        if (released) this.counts.released++;
        return { released };
      }
      case 'remit':
        return this.remit(fund, body as unknown as FundMove & { key: string | null }, forced) as unknown as Json;
      default:
        throw new Error(`fund service: unknown method ${method}`);
    }
  }

  private reserve(fund: FundBooks | undefined, req: FundMove): ReserveOutcome {
    // Idempotent by transaction id: a repeat (a retry, or a late copy after
    // the seat was released or used) gets the first answer and holds nothing new.
    const first = this.reserveAnswers.get(req.transactionId);
    if (first !== undefined) return first;
    const outcome = this.decideReserve(fund, req);
    this.reserveAnswers.set(req.transactionId, outcome);
    return outcome;
  }

  private decideReserve(fund: FundBooks | undefined, req: FundMove): ReserveOutcome {
    if (fund === undefined) return 'unknown-fund';
    if (req.amountMinor < fund.spec.minimumMinor) return 'below-minimum';
    if (!hasSeat(fund, req.investor) && taken(fund).size >= fund.spec.seats) {
      this.counts.reserveFull++;
      return 'full';
    }
    fund.reservations.set(req.transactionId, { investor: req.investor, untilMs: this.sim.now + this.options.reservationTtlMs });
    this.counts.reserved++;
    return 'reserved';
  }

  private remit(fund: FundBooks | undefined, req: FundMove & { key: string | null }, forced: readonly ForcedCallFault[]): RemitReply {
    const key = req.key ?? null;
    const first = key === null ? undefined : this.remits.get(key);
    if (first !== undefined) return first;
    const reply = this.decide(fund, req, forced);
    if (key !== null) this.remits.set(key, reply);
    return reply;
  }

  private decide(fund: FundBooks | undefined, req: FundMove, forced: readonly ForcedCallFault[]): RemitReply {
    if (fund === undefined) return rejected('unknown-fund');
    if (req.amountMinor < fund.spec.minimumMinor) {
      this.counts.rejectedBelowMinimum++;
      return rejected('below-minimum');
    }
    if (faultFires(this.sim, 'funds', forced, 'reject', this.options.refuseProbability)) {
      this.counts.refused++;
      fund.reservations.delete(req.transactionId);
      return rejected('refused');
    }
    if (!fund.reservations.has(req.transactionId) && !hasSeat(fund, req.investor) && taken(fund).size >= fund.spec.seats) {
      this.counts.rejectedFull++;
      return rejected('full');
    }
    fund.reservations.delete(req.transactionId);
    fund.admitted.add(req.investor);
    fund.balanceMinor += req.amountMinor;
    const l = this.ledger.get(req.transactionId) ?? { remittedMinor: 0, remittances: 0 };
    l.remittedMinor += req.amountMinor;
    l.remittances++;
    this.ledger.set(req.transactionId, l);
    this.counts.remitted++;
    this.version++;
    this.sim.trace.record(this.sim.steps, this.sim.now, 'note', this.proc.name, fund.spec.id, `remitted ${req.amountMinor} from ${req.investor} into ${fund.spec.id} for ${req.transactionId}`);
    return { outcome: 'applied', reason: null };
  }

  /** Drops reservations past their time. */
  private lapse(fund: FundBooks): void {
    for (const [tx, r] of fund.reservations) {
      if (r.untilMs > this.sim.now) continue;
      fund.reservations.delete(tx);
      this.counts.lapsed++;
    }
  }
}

/** Investors holding a seat: admitted, or holding a live reservation. */
function taken(fund: FundBooks): Set<string> {
  const seats = new Set(fund.admitted);
  for (const r of fund.reservations.values()) seats.add(r.investor);
  return seats;
}

function hasSeat(fund: FundBooks, investor: string): boolean {
  return taken(fund).has(investor);
}

const rejected = (reason: RemitReason): RemitReply => ({ outcome: 'rejected', reason });
