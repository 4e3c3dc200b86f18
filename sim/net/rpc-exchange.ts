/**
 * One request/reply exchange in flight: who called whom with what, whether
 * the caller has already been answered (by a reply or by its timeout), and
 * the steps of the exchange as methods, so that the hot path allocates one
 * object per call instead of a closure per step.
 */
import type { Json, RpcOutcome } from '../../impl/ports/ports.ts';
import type { SimEvent } from '../kernel/sim-event.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network, ServiceHandler, ServiceReply, ServiceResponse } from './network.ts';

export class RpcExchange {
  settled = false;
  timeout: SimEvent | null = null;
  /** The caller's incarnation when it sent the request; replies to a later one are dropped. */
  readonly incarnation: number;

  constructor(
    private readonly net: Network,
    readonly caller: SimProcess,
    readonly server: SimProcess,
    private readonly handler: ServiceHandler,
    readonly target: string,
    readonly method: string,
    readonly body: Json,
    private readonly resolve: (outcome: RpcOutcome<unknown>) => void,
  ) {
    this.incarnation = caller.incarnation;
  }

  /** The request reaches the server (each copy of a duplicated request calls this). */
  deliverRequest(): void {
    const sim = this.net.sim;
    if (this.net.partitioned(this, 'request', this.caller.name, this.target)) return;
    sim.trace.record(sim.steps, sim.now, 'deliver', this.caller.name, this.target, `request ${this.method}`);
    const response = this.handler(this.method, this.body, this.caller.name);
    if (response instanceof Promise) {
      const serverIncarnation = this.server.incarnation;
      void response.then((r: ServiceResponse) => {
        if (this.server.isAlive(serverIncarnation)) this.net.sendReply(this, r);
      });
    } else {
      this.net.sendReply(this, response);
    }
  }

  /** A reply reaches the caller; only the first reply or the timeout counts. */
  deliverReply(reply: ServiceReply): void {
    const sim = this.net.sim;
    if (this.net.partitioned(this, 'reply', this.target, this.caller.name)) return;
    const text = reply.kind === 'reply' ? JSON.stringify(reply.value) : reply.code;
    sim.trace.record(sim.steps, sim.now, 'deliver', this.target, this.caller.name, `reply ${this.method} ${text}`);
    if (this.settled) return;
    this.settled = true;
    if (this.timeout !== null) this.timeout.cancelled = true;
    this.resolve(reply as RpcOutcome<unknown>);
  }

  timedOut(): void {
    if (this.settled) return;
    this.settled = true;
    const sim = this.net.sim;
    this.net.counts.timeouts++;
    sim.trace.record(sim.steps, sim.now, 'timeout', this.caller.name, this.target, this.method);
    this.resolve({ kind: 'timeout' });
  }
}
