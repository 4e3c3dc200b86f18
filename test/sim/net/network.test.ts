/**
 * The network: replies, timeouts when a message is lost or partitioned, and
 * the lost-response fault (request applied, reply dropped).
 */
import { describe, expect, it } from 'vitest';
import type { RpcOutcome } from '../../../impl/ports/ports.ts';
import { ReplayChoiceSource } from '../../../sim/choice/replay-choice-source.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { calmNetwork } from '../../../sim/net/network-options.ts';
import { Network, type ServiceResponse } from '../../../sim/net/network.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

function world(response: () => ServiceResponse, choices: number[] = []) {
  const sim = new Simulator(new ReplayChoiceSource(choices), new TraceRecorder(true));
  const client = sim.addProcess('client', false);
  const server = sim.addProcess('server', false);
  const net = new Network(sim, { ...calmNetwork, latencyMsMin: 5, latencyMsMax: 5 });
  let applied = 0;
  net.register('server', server, () => {
    applied++;
    return response();
  });
  return { sim, client, net, applied: () => applied };
}

async function call(w: ReturnType<typeof world>): Promise<RpcOutcome<unknown> | undefined> {
  let outcome: RpcOutcome<unknown> | undefined;
  void w.net.call(w.client, 'server', 'op', { x: 1 }, 100).then((o) => (outcome = o));
  await w.sim.run(1000, 1000);
  return outcome;
}

describe('Network', () => {
  it('delivers a request and its reply after the drawn latencies', async () => {
    const w = world(() => ({ reply: { kind: 'reply', value: 'pong' } }));
    expect(await call(w)).toEqual({ kind: 'reply', value: 'pong' });
    expect(w.applied()).toBe(1);
    expect(w.sim.trace.entries.find((e) => e.text.startsWith('reply op'))?.timeMs).toBe(10);
  });

  it('times out, outcome unknown, when the reply is lost after the request applied', async () => {
    const w = world(() => ({ reply: { kind: 'reply', value: 'pong' }, dropReply: true }));
    expect(await call(w)).toEqual({ kind: 'timeout' });
    expect(w.applied()).toBe(1);
    expect(w.net.counts.lostReplies).toBe(1);
  });

  it('times out without applying when the request is lost', async () => {
    const w = world(() => ({ reply: { kind: 'reply', value: 'pong' } }));
    w.net.options = { ...w.net.options, lossProbability: 0.5 };
    // The first fault choice (request loss) is forced to 1 by the replayed vector.
    const lost = world(() => ({ reply: { kind: 'reply', value: 'pong' } }), [1]);
    lost.net.options = { ...lost.net.options, lossProbability: 0.5 };
    expect(await call(lost)).toEqual({ kind: 'timeout' });
    expect(lost.applied()).toBe(0);
    expect(await call(w)).toEqual({ kind: 'reply', value: 'pong' });
  });

  it('drops messages across a partition until it heals', async () => {
    const w = world(() => ({ reply: { kind: 'reply', value: 'pong' } }));
    w.net.partitions.cut('client', 'server');
    expect(await call(w)).toEqual({ kind: 'timeout' });
    w.net.partitions.heal('client', 'server');
    expect(await call(w)).toEqual({ kind: 'reply', value: 'pong' });
  });
});
