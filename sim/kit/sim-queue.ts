/**
 * A simulated message queue service with at-least-once delivery.
 *
 * Model: messages wait in arrival order; `receive` hands out a visible one
 * and hides it for `visibilityTimeoutMs`; `ack` with that delivery's receipt
 * deletes it; a message not acknowledged in time becomes visible again and
 * is delivered again (with a higher delivery count). Faults, each a fault
 * choice: reordering (`receive` takes another visible message than the
 * oldest; which one is a schedule-like choice), duplicate delivery (a
 * received message stays visible, so it can be handed out again at once),
 * and an acknowledgement that is lost by the queue itself (the message comes
 * back). The queue's books (`pending`, `delivered`) are ground truth for
 * invariants. It never crashes: a queue with durable storage keeps its
 * messages across its own restarts.
 */
import type { Json } from '../../impl/ports/ports.ts';
import type { QueueMessage } from '../../impl/ports/queue.ts';
import { chance } from '../choice/choice-source.ts';
import { withoutFaults } from './without-faults.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { Network, ServiceResponse } from '../net/network.ts';
import type { SimProcess } from '../kernel/sim-process.ts';

export interface QueueOptions {
  /** A received message is hidden this long; unacknowledged, it is delivered again after it. */
  visibilityTimeoutMs: number;
  /** Per receive: hand out a message other than the oldest visible one. */
  reorderProbability: number;
  /** Per receive: the message stays visible, so it may be delivered again at once. */
  duplicateDeliveryProbability: number;
  /** Per ack: the queue loses it and the message comes back after its visibility timeout. */
  lostAckProbability: number;
}

export const calmQueue: QueueOptions = { visibilityTimeoutMs: 1000, reorderProbability: 0, duplicateDeliveryProbability: 0, lostAckProbability: 0 };

interface Entry {
  messageId: string;
  body: Json;
  deliveries: number;
  /** The message is hidden until this instant (0: visible). */
  hiddenUntilMs: number;
  /** The receipt of the latest delivery; an ack with an older one is stale. */
  receipt: string;
}

export class SimQueue {
  /** Messages not yet acknowledged, in arrival order. */
  readonly pending: Entry[] = [];
  /** Every delivery made, as (messageId, deliveries) pairs, for invariants and coverage. */
  readonly delivered: Array<{ messageId: string; deliveries: number }> = [];
  readonly counts = { sent: 0, received: 0, acked: 0, redelivered: 0, reordered: 0, duplicated: 0, lostAcks: 0 };
  private nextId = 1;
  private nextReceipt = 1;

  constructor(
    private readonly sim: Simulator,
    readonly proc: SimProcess,
    public options: QueueOptions,
  ) {}

  register(net: Network, name: string): void {
    net.register(name, this.proc, (method, body) => this.handle(method, body));
  }

  private handle(method: string, body: Json): ServiceResponse {
    switch (method) {
      case 'send':
        return reply(this.send(body));
      case 'receive':
        return reply(this.receive());
      case 'ack':
        return reply({ acked: this.ack(String((body as { receipt: string }).receipt)) });
      default:
        throw new Error(`queue: unknown method ${method}`);
    }
  }

  private send(body: Json): { messageId: string } {
    const messageId = `m${this.nextId++}`;
    this.pending.push({ messageId, body, deliveries: 0, hiddenUntilMs: 0, receipt: '' });
    this.counts.sent++;
    return { messageId };
  }

  private receive(): QueueMessage | null {
    const now = this.sim.now;
    const visible = this.pending.filter((e) => e.hiddenUntilMs <= now);
    if (visible.length === 0) return null;
    let entry = visible[0]!;
    if (visible.length > 1 && chance(this.sim.choice, 'queue.reorder', this.options.reorderProbability)) {
      this.counts.reordered++;
      entry = visible[1 + this.sim.choice.choose('schedule', 'queue.reorder', visible.length - 1)]!;
    }
    if (entry.deliveries > 0) this.counts.redelivered++;
    entry.deliveries++;
    entry.receipt = `r${this.nextReceipt++}`;
    if (chance(this.sim.choice, 'queue.duplicate', this.options.duplicateDeliveryProbability)) this.counts.duplicated++;
    else entry.hiddenUntilMs = now + this.options.visibilityTimeoutMs;
    this.counts.received++;
    this.delivered.push({ messageId: entry.messageId, deliveries: entry.deliveries });
    this.sim.trace.record(this.sim.steps, now, 'store', this.proc.name, '', `deliver ${entry.messageId} (delivery ${entry.deliveries})`);
    return { receipt: entry.receipt, messageId: entry.messageId, body: entry.body, deliveries: entry.deliveries };
  }

  /** Deletes the message of this delivery; a stale receipt (the message was delivered again since) acknowledges nothing. */
  private ack(receipt: string): boolean {
    const i = this.pending.findIndex((e) => e.receipt === receipt);
    if (i < 0) return false;
    if (chance(this.sim.choice, 'queue.lostAck', this.options.lostAckProbability)) {
      this.counts.lostAcks++;
      return true;
    }
    this.pending.splice(i, 1);
    this.counts.acked++;
    return true;
  }

  /** Ends every fault: the queue delivers in order, once per visibility timeout, and keeps every ack. */
  heal(): void {
    this.options = withoutFaults(this.options);
  }
}

function reply(value: unknown): ServiceResponse {
  return { reply: { kind: 'reply', value: value as Json } };
}
