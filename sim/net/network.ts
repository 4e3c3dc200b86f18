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
import { chance, intBetween } from '../choice/choice-source.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { NetworkOptions } from './network-options.ts';
import { Partitions } from './partitions.ts';

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

export class Network {
  private readonly services = new Map<string, Service>();
  readonly partitions = new Partitions();
  /** Sending-side faults a scenario forces on a specific request: extra delay, a late duplicate. */
  forcedOnSend: (target: string, method: string) => SendFault = () => NO_SEND_FAULT;
  /** Counters for coverage reports. */
  readonly counts = { sent: 0, lost: 0, duplicated: 0, partitioned: 0, timeouts: 0, lostReplies: 0 };

  constructor(
    private readonly sim: Simulator,
    public options: NetworkOptions,
  ) {}

  register(name: string, proc: SimProcess, handler: ServiceHandler): void {
    this.services.set(name, { proc, handler });
  }

  /** Sends a request from `caller` and resolves with the reply, an error, or `timeout`. */
  call<T>(caller: SimProcess, target: string, method: string, body: Json, timeoutMs: number): Promise<RpcOutcome<T>> {
    const service = this.services.get(target);
    if (service === undefined) throw new Error(`unknown service ${target}`);
    const sim = this.sim;
    const incarnation = caller.incarnation;
    return new Promise<RpcOutcome<T>>((resolve) => {
      let settled = false;
      const timeout = sim.schedule(timeoutMs, caller, `timeout ${method}`, null, () => {
        if (settled) return;
        settled = true;
        this.counts.timeouts++;
        sim.trace.record(sim.steps, sim.now, 'timeout', caller.name, target, method);
        resolve({ kind: 'timeout' });
      }, { phase: 'timeout', method, from: target, to: caller.name });
      const onReply = (reply: ServiceReply): void => {
        if (settled) return;
        settled = true;
        timeout.cancelled = true;
        resolve(reply as RpcOutcome<T>);
      };
      this.sendRequest(caller, incarnation, service, target, method, body, onReply);
    });
  }

  private sendRequest(
    caller: SimProcess,
    incarnation: number,
    service: Service,
    target: string,
    method: string,
    body: Json,
    onReply: (reply: ServiceReply) => void,
  ): void {
    const sim = this.sim;
    this.counts.sent++;
    sim.trace.record(sim.steps, sim.now, 'send', caller.name, target, `${method} ${JSON.stringify(body)}`);
    if (chance(sim.choice, 'net.loss', this.options.lossProbability)) {
      this.counts.lost++;
      sim.trace.record(sim.steps, sim.now, 'drop', caller.name, target, `request ${method} lost`);
      return;
    }
    const forced = this.forcedOnSend(target, method);
    const copies = forced.duplicateDelayMs !== null || chance(sim.choice, 'net.dup', this.options.duplicateProbability) ? 2 : 1;
    if (copies === 2) this.counts.duplicated++;
    for (let i = 0; i < copies; i++) {
      const latency = this.latency() + (i === 0 ? forced.delayMs : forced.delayMs + (forced.duplicateDelayMs ?? 0));
      const deliver = (): void => {
        if (this.partitions.blocked(caller.name, target)) {
          this.counts.partitioned++;
          sim.trace.record(sim.steps, sim.now, 'drop', caller.name, target, `request ${method} partitioned`);
          return;
        }
        sim.trace.record(sim.steps, sim.now, 'deliver', caller.name, target, `request ${method}`);
        const response = service.handler(method, body, caller.name);
        if (response instanceof Promise) {
          const handlerIncarnation = service.proc.incarnation;
          void response.then((r) => {
            if (service.proc.isAlive(handlerIncarnation)) this.sendReply(service.proc, caller, incarnation, target, method, r, onReply);
          });
        } else {
          this.sendReply(service.proc, caller, incarnation, target, method, response, onReply);
        }
      };
      // Requests to crashable services resume user code (the handler); plain fakes only change state.
      const meta = { phase: 'request', method, from: caller.name, to: target };
      if (service.proc.crashable) sim.schedule(latency, service.proc, `request ${method}`, null, deliver, meta);
      else sim.schedule(latency, service.proc, `request ${method}`, deliver, null, meta);
    }
  }

  private sendReply(
    server: SimProcess,
    caller: SimProcess,
    incarnation: number,
    target: string,
    method: string,
    response: ServiceResponse,
    onReply: (reply: ServiceReply) => void,
  ): void {
    const sim = this.sim;
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
    void server;
    const latency = this.latency() + (response.extraLatencyMs ?? 0);
    const text = response.reply.kind === 'reply' ? JSON.stringify(response.reply.value) : response.reply.code;
    sim.schedule(latency, caller, `reply ${method}`, null, () => {
      if (this.partitions.blocked(caller.name, target)) {
        this.counts.partitioned++;
        sim.trace.record(sim.steps, sim.now, 'drop', target, caller.name, `reply ${method} partitioned`);
        return;
      }
      sim.trace.record(sim.steps, sim.now, 'deliver', target, caller.name, `reply ${method} ${text}`);
      onReply(response.reply);
    }, { phase: 'reply', method, from: target, to: caller.name }, incarnation);
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
