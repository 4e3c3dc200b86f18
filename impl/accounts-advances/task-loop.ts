/**
 * How a worker takes tasks from the broker, in both designs: receive one,
 * handle it, acknowledge it when the handler says it is finished (an
 * unfinished task is left to come back after the broker's visibility
 * timeout). An empty broker is polled again after a pause that doubles up
 * to a cap, so an idle worker over weeks of virtual time costs one poll a
 * day, and a busy one drains the broker at once.
 */
import type { Json } from '../ports/ports.ts';
import type { AdvancesPorts } from './contract.ts';

export const BROKER_TIMEOUT_MS = 1000;
const IDLE_MS_MIN = 1000;
/** An idle worker looks at the broker at least once a day (payments fall due weekly). */
export const IDLE_MS_MAX = 24 * 3_600_000;

export interface PaymentTask {
  paymentId: string;
}

/** Runs forever in the worker's incarnation; `handle` returns whether the task is finished. */
export async function consumeTasks(ports: AdvancesPorts, handle: (task: PaymentTask) => Promise<boolean>): Promise<void> {
  let idleMs = IDLE_MS_MIN;
  for (;;) {
    const r = await ports.broker.receive(BROKER_TIMEOUT_MS);
    if (r.kind === 'reply' && r.value !== null) {
      const message = r.value;
      if (await handle(asTask(message.body))) await ports.broker.ack(message.receipt, BROKER_TIMEOUT_MS);
      idleMs = IDLE_MS_MIN;
      continue;
    }
    await ports.timers.sleep(idleMs);
    idleMs = Math.min(IDLE_MS_MAX, idleMs * 2);
  }
}

export function taskBody(paymentId: string): Json {
  return { paymentId };
}

function asTask(body: Json): PaymentTask {
  const id = (body as { paymentId?: unknown } | null)?.paymentId;
  return { paymentId: typeof id === 'string' ? id : '' };
}
