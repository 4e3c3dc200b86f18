/**
 * The fake notification service of fund-investment: an event log keyed by
 * message id. It records every message it receives once per id (a repeated
 * id is acknowledged and not recorded again, as an insert on a primary key
 * would be) and is the ground truth for "exactly one notification per party
 * per transaction": a transaction's party is notified once per distinct
 * message id recorded for it. Faults: those of any service call (down,
 * refused, 5xx before or after recording, a lost or slow reply).
 */
import type { Notification } from '../../impl/fund-investment/contract.ts';
import type { FaultScript } from '../fakes/fault-script.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { faultyCall, newCallFaultCounts, type CallFaultOptions } from '../kit/faulty-call.ts';
import type { Network } from '../net/network.ts';

export interface RecordedNotification extends Notification {
  atMs: number;
}

export class NotificationSink {
  /** Recorded messages by id, in the order they arrived. */
  readonly log = new Map<string, RecordedNotification>();
  readonly counts = { ...newCallFaultCounts(), recorded: 0, repeats: 0 };

  constructor(
    private readonly sim: Simulator,
    readonly proc: SimProcess,
    public options: CallFaultOptions,
    private readonly script: FaultScript,
  ) {}

  register(net: Network, name: string): void {
    net.register(name, this.proc, (method, body) =>
      faultyCall({ sim: this.sim, service: name, script: this.script, options: this.options, counts: this.counts }, method, () => {
        if (method !== 'send') throw new Error(`notification service: unknown method ${method}`);
        return { recorded: this.record(body as unknown as Notification) };
      }),
    );
  }

  /** Messages recorded for one party of one transaction. */
  forParty(transactionId: string, party: string): RecordedNotification[] {
    return [...this.log.values()].filter((n) => n.transactionId === transactionId && n.party === party);
  }

  private record(n: Notification): boolean {
    if (this.log.has(n.messageId)) {
      this.counts.repeats++;
      return false;
    }
    this.counts.recorded++;
    this.log.set(n.messageId, { messageId: n.messageId, transactionId: n.transactionId, party: n.party, status: n.status, atMs: this.sim.now });
    this.sim.trace.record(this.sim.steps, this.sim.now, 'note', this.proc.name, n.party, `notified ${n.party} of ${n.transactionId}: ${n.status} (${n.messageId})`);
    return true;
  }
}
