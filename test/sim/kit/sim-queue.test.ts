/**
 * The kit's message queue: at-least-once delivery (a message received and
 * not acknowledged comes back after its visibility timeout), stale receipts,
 * and its faults (reordering enumerated by the exhaustive explorer,
 * duplicate delivery, lost acknowledgements), each reached on purpose.
 */
import { describe, expect, it } from 'vitest';
import type { QueuePort } from '../../../impl/ports/queue.ts';
import type { ChoiceSource } from '../../../sim/choice/choice-source.ts';
import { advance, DfsChoiceSource, type DfsNode } from '../../../sim/choice/dfs-choice-source.ts';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { simTimers } from '../../../sim/kernel/process-ports.ts';
import { queuePort } from '../../../sim/kit/queue-client.ts';
import { calmQueue, SimQueue, type QueueOptions } from '../../../sim/kit/sim-queue.ts';
import { Network } from '../../../sim/net/network.ts';
import { calmNetwork } from '../../../sim/net/network-options.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

/** A world with one queue and one client process running `script` against it. */
async function withQueue(options: Partial<QueueOptions>, choice: ChoiceSource, script: (q: QueuePort, sleep: (ms: number) => Promise<void>) => Promise<void>) {
  const sim = new Simulator(choice, new TraceRecorder(false));
  const net = new Network(sim, { ...calmNetwork });
  const queue = new SimQueue(sim, sim.addProcess('queue', false), { ...calmQueue, ...options });
  queue.register(net, 'queue');
  const client = sim.addProcess('client', false);
  const timers = simTimers(sim, client);
  sim.schedule(0, client, 'start', null, () => void script(queuePort(net, client, 'queue'), (ms) => timers.sleep(ms)));
  await sim.run(100_000, 100_000);
  return queue;
}

const T = 100;

describe('SimQueue', () => {
  it('delivers an unacknowledged message again after the visibility timeout; a stale receipt acknowledges nothing', async () => {
    const seen: Array<[string, number]> = [];
    let staleAck: boolean | null = null;
    let hidden: unknown = undefined;
    const q = await withQueue({ visibilityTimeoutMs: 500 }, new RandomChoiceSource(1), async (queue, sleep) => {
      await queue.send({ n: 1 }, T);
      const first = await queue.receive(T);
      if (first.kind !== 'reply' || first.value === null) return;
      seen.push([first.value.messageId, first.value.deliveries]);
      // This consumer "dies" without acknowledging; while the message is hidden nothing is visible.
      hidden = await queue.receive(T);
      await sleep(600);
      const again = await queue.receive(T);
      if (again.kind !== 'reply' || again.value === null) return;
      seen.push([again.value.messageId, again.value.deliveries]);
      const stale = await queue.ack(first.value.receipt, T);
      staleAck = stale.kind === 'reply' ? stale.value.acked : null;
      await queue.ack(again.value.receipt, T);
    });
    expect(hidden).toEqual({ kind: 'reply', value: null });
    expect(seen).toEqual([['m1', 1], ['m1', 2]]);
    expect(staleAck).toBe(false);
    expect(q.pending).toHaveLength(0);
    expect(q.counts.redelivered).toBe(1);
  });

  it('duplicate delivery hands the same message out twice at once; a lost ack brings it back', async () => {
    const dup: string[] = [];
    await withQueue({ duplicateDeliveryProbability: 1 }, new RandomChoiceSource(1), async (queue) => {
      await queue.send('x', T);
      for (let i = 0; i < 2; i++) {
        const r = await queue.receive(T);
        if (r.kind === 'reply' && r.value !== null) dup.push(r.value.messageId);
      }
    });
    expect(dup).toEqual(['m1', 'm1']);
    const q = await withQueue({ lostAckProbability: 1, visibilityTimeoutMs: 50 }, new RandomChoiceSource(1), async (queue, sleep) => {
      await queue.send('x', T);
      const r = await queue.receive(T);
      if (r.kind === 'reply' && r.value !== null) await queue.ack(r.value.receipt, T);
      await sleep(100);
    });
    expect(q.pending).toHaveLength(1);
    expect(q.counts.lostAcks).toBe(1);
  });

  it('exhaustive enumeration reaches every order in which reordering can hand out three messages', async () => {
    const orders = new Set<string>();
    const path: DfsNode[] = [];
    do {
      const order: string[] = [];
      await withQueue({ reorderProbability: 0.1 }, new DfsChoiceSource(path, { maxFaults: 2, maxDepth: 100 }), async (queue) => {
        for (const n of [1, 2, 3]) await queue.send(n, T);
        for (let i = 0; i < 3; i++) {
          const r = await queue.receive(T);
          if (r.kind === 'reply' && r.value !== null) {
            order.push(r.value.messageId);
            await queue.ack(r.value.receipt, T);
          }
        }
      });
      orders.add(order.join(','));
    } while (advance(path));
    console.log(`orders reached: ${[...orders].sort().join(' | ')}`);
    expect(orders).toEqual(new Set(['m1,m2,m3', 'm1,m3,m2', 'm2,m1,m3', 'm2,m3,m1', 'm3,m1,m2', 'm3,m2,m1']));
  });

  it('heal ends every fault', () => {
    const sim = new Simulator(new RandomChoiceSource(1), new TraceRecorder(false));
    const q = new SimQueue(sim, sim.addProcess('queue', false), { visibilityTimeoutMs: 10, reorderProbability: 0.5, duplicateDeliveryProbability: 0.5, lostAckProbability: 0.5 });
    q.heal();
    expect(q.options).toEqual({ visibilityTimeoutMs: 10, reorderProbability: 0, duplicateDeliveryProbability: 0, lostAckProbability: 0 });
  });
});
