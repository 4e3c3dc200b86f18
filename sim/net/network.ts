/**
 * The simulated network: request/reply messaging between named services.
 *
 * Each message independently draws a latency, may be lost, duplicated
 * (requests only) or blocked by a partition (checked when it would arrive).
 * Reordering falls out of independent latencies. The network knows nothing
 * about money; services plug in handlers, and callers get an RpcOutcome with a
 * client-side timeout, so a lost request, a lost reply and a slow reply all
 * look the same to the caller: `timeout`, outcome unknown.
 */
import type { Json, RpcErrorCode, RpcOutcome } from '../../impl/ports/ports.ts';
import { chance, faultForm, intBetween } from '../choice/choice-source.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { NetworkOptions } from './network-options.ts';
import { Partitions } from './partitions.ts';
import { RpcExchange } from './rpc-exchange.ts';

/** Faults forced on one request as it is sent. */
export interface SendFault {
  delayMs: number;
  /** When set, a second copy of the request is sent this much later. */
  duplicateDelayMs: number | null;
}

const NO_SEND_FAULT: SendFault = { delayMs: 0, duplicateDelayMs: null };

/** What a service returns for a request. */
export type ServiceReply = { kind: 'reply'; value: Json } | { kind: 'error'; code: RpcErrorCode };

export interface ServiceResponse {
  reply: ServiceReply;
  /** The request was applied but its reply is dropped: the lost-response fault. */
  dropReply?: boolean;
  /** Extra latency for the reply (a slow service). */
  extraLatencyMs?: number;
}

export type ServiceHandler = (method: string, body: Json, from: string) => ServiceResponse | Promise<ServiceResponse>;

interface Service {
  proc: SimProcess;
  handler: ServiceHandler;
}

export type { Service };

export class Network {
  private readonly services = new Map<string, Service>();
  readonly partitions = new Partitions();
  /** Sending-side faults a scenario forces on a specific request: extra delay, a late duplicate. */
  forcedOnSend: (target: string, method: string) => SendFault = () => NO_SEND_FAULT;
  /**
   * Services reached over a connection (a database session over TCP): a
   * request to them is never delivered twice, because the transport drops
   * duplicates; it can still be lost, delayed or cut off by a partition.
   */
  readonly overConnection = new Set<string>();
  /** Counters for coverage reports. */
  readonly counts = { sent: 0, lost: 0, duplicated: 0, partitioned: 0, timeouts: 0, lostReplies: 0, lateRequests: 0 };

  constructor(
    readonly sim: Simulator,
    public options: NetworkOptions,
  ) {}

  register(name: string, proc: SimProcess, handler: ServiceHandler): void {
    this.services.set(name, { proc, handler });
  }

  /** Sends a request from `caller` and resolves with the reply, an error, or `timeout`. */
  call<T>(caller: SimProcess, target: string, method: string, body: Json, timeoutMs: number): Promise<RpcOutcome<T>> {
    const service = this.services.get(target);
    if (service === undefined) throw new Error(`unknown service ${target}`);
    return new Promise<RpcOutcome<T>>((resolve) => {
      const exchange = new RpcExchange(this, caller, service.proc, service.handler, target, method, body, resolve as (o: RpcOutcome<unknown>) => void);
      exchange.timeout = this.sim.schedule(timeoutMs, caller, `timeout ${method}`, null, () => exchange.timedOut(), {
        phase: 'timeout',
        method,
        from: target,
        to: caller.name,
      });
      this.sendRequest(exchange, timeoutMs);
    });
  }

  private sendRequest(ex: RpcExchange, timeoutMs: number): void {
    const sim = this.sim;
    this.counts.sent++;
    sim.trace.record(sim.steps, sim.now, 'send', ex.caller.name, ex.target, `${ex.method} ${JSON.stringify(ex.body)}`);
    if (chance(sim.choice, 'net.loss', this.options.lossProbability)) {
      this.counts.lost++;
      sim.trace.record(sim.steps, sim.now, 'drop', ex.caller.name, ex.target, `request ${ex.method} lost`);
      return;
    }
    const forced = this.forcedOnSend(ex.target, ex.method);
    const copies = !this.overConnection.has(ex.target) && (forced.duplicateDelayMs !== null || chance(sim.choice, 'net.dup', this.options.duplicateProbability)) ? 2 : 1;
    if (copies === 2) this.counts.duplicated++;
    const meta = { phase: 'request', method: ex.method, from: ex.caller.name, to: ex.target };
    // A request over a connection names its sender: explorers tell two
    // sessions' statements due at the same instant apart by it.
    const label = this.overConnection.has(ex.target) ? `request ${ex.method} from ${ex.caller.name}` : `request ${ex.method}`;
    for (let i = 0; i < copies; i++) {
      // Each copy may be held back on its own: a duplicate can outlive its original by far.
      const lateMs = this.lateBy(ex, timeoutMs);
      const spreadMs = i === 0 ? 0 : forced.duplicateDelayMs ?? intBetween(sim.choice, 'net.dup', 0, this.options.duplicateDelayMsMax);
      const latency = lateMs + this.latency() + forced.delayMs + spreadMs;
      // Requests to crashable services resume user code (the handler); plain fakes only change state.
      if (ex.server.crashable) sim.schedule(latency, ex.server, label, null, () => ex.deliverRequest(), meta);
      else sim.schedule(latency, ex.server, label, () => ex.deliverRequest(), null, meta);
    }
  }

  /** Sends the reply of `ex`, subject to the lost-response fault, loss and partitions. */
  sendReply(ex: RpcExchange, response: ServiceResponse): void {
    const sim = this.sim;
    const { caller, target, method } = ex;
    if (response.dropReply === true) {
      this.counts.lostReplies++;
      sim.trace.record(sim.steps, sim.now, 'drop', target, caller.name, `reply ${method} lost`);
      return;
    }
    if (chance(sim.choice, 'net.loss', this.options.lossProbability)) {
      this.counts.lost++;
      sim.trace.record(sim.steps, sim.now, 'drop', target, caller.name, `reply ${method} lost`);
      return;
    }
    const latency = this.latency() + (response.extraLatencyMs ?? 0);
    sim.schedule(latency, caller, `reply ${method}`, null, () => ex.deliverReply(response.reply), { phase: 'reply', method, from: target, to: caller.name }, ex.incarnation);
  }

  /** Whether a message between the two parties of `ex` is dropped by a partition now; counts and traces it. */
  partitioned(ex: RpcExchange, what: string, from: string, to: string): boolean {
    if (!this.partitions.blocked(ex.caller.name, ex.target)) return false;
    this.counts.partitioned++;
    this.sim.trace.record(this.sim.steps, this.sim.now, 'drop', from, to, `${what} ${ex.method} partitioned`);
    return true;
  }

  /** Extra delay of a late request copy: past the caller's timeout by one of the configured amounts. */
  private lateBy(ex: RpcExchange, timeoutMs: number): number {
    const after = this.options.lateRequestAfterTimeoutMs;
    const form = faultForm(this.sim.choice, 'net.late', this.options.lateRequestProbability, after.length);
    if (form === 0) return 0;
    this.counts.lateRequests++;
    const lateMs = timeoutMs + after[form - 1]!;
    this.sim.trace.record(this.sim.steps, this.sim.now, 'fault', ex.caller.name, ex.target, `request ${ex.method} held back ${lateMs} ms`);
    return lateMs;
  }

  private latency(): number {
    const o = this.options;
    const base = intBetween(this.sim.choice, 'net.latency', o.latencyMsMin, o.latencyMsMax);
    if (o.slowProbability > 0 && chance(this.sim.choice, 'net.slow', o.slowProbability)) {
      return base + intBetween(this.sim.choice, 'net.latency', 0, o.slowExtraMsMax);
    }
    return base;
  }
}
