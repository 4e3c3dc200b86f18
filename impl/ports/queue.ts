/**
 * A message queue as a coordinator sees it (RabbitMQ- or SQS-style): send a
 * message, receive one, acknowledge it. Delivery is at least once: a message
 * received and not acknowledged within the visibility timeout is delivered
 * again, possibly to another consumer, and the queue may deliver a message
 * twice or out of order. Every call is one round trip with a timeout, so a
 * lost acknowledgement looks like any unknown outcome.
 */
import type { Json, RpcOutcome } from './ports.ts';

export interface QueueMessage {
  /** Identifies this delivery; acknowledge with it. */
  receipt: string;
  /** The message's own id, the same on every delivery of it. */
  messageId: string;
  body: Json;
  /** How many times this message has been delivered, this delivery included. */
  deliveries: number;
}

export interface QueuePort {
  send(body: Json, timeoutMs: number): Promise<RpcOutcome<{ messageId: string }>>;
  /** The next visible message, or null when none is. */
  receive(timeoutMs: number): Promise<RpcOutcome<QueueMessage | null>>;
  ack(receipt: string, timeoutMs: number): Promise<RpcOutcome<{ acked: boolean }>>;
}
