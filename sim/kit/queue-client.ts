/** The queue port a process is given: each call one request to the queue service over the simulated network. */
import type { Json, RpcOutcome } from '../../impl/ports/ports.ts';
import type { QueueMessage, QueuePort } from '../../impl/ports/queue.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network } from '../net/network.ts';

export function queuePort(net: Network, caller: SimProcess, queue: string): QueuePort {
  return {
    send: (body: Json, timeoutMs: number): Promise<RpcOutcome<{ messageId: string }>> => net.call(caller, queue, 'send', body, timeoutMs),
    receive: (timeoutMs: number): Promise<RpcOutcome<QueueMessage | null>> => net.call(caller, queue, 'receive', null, timeoutMs),
    ack: (receipt: string, timeoutMs: number): Promise<RpcOutcome<{ acked: boolean }>> => net.call(caller, queue, 'ack', { receipt }, timeoutMs),
  };
}
