/**
 * Hosts one incarnation after another of a design under test in a simulated
 * process: builds the incarnation's ports, creates and starts it after every
 * restart (its recovery), serves its API over the simulated network and
 * times each answer in virtual time. A system with several coordinator nodes
 * makes one host per node.
 *
 * A design that throws, or answers something its system calls malformed, is
 * reported as a finding (`CoordinatorError`, `MalformedAnswer`) and answered
 * to the caller as a server error, never allowed to crash the simulator.
 */
import type { Json } from '../../impl/ports/ports.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network, ServiceResponse } from '../net/network.ts';
import { describeThrown } from './describe-thrown.ts';
import type { Finding } from './world-run.ts';

export interface HostedDesign<C> {
  /** Creates the incarnation (its constructor must not start work). */
  create(proc: SimProcess): C;
  /** Starts the incarnation: recovery and background loops. */
  start(instance: C): void;
  /** Serves one request; the promise's value is the answer. */
  serve(instance: C, method: string, body: Json): Promise<unknown>;
  /** Whether an answer is well formed; a malformed one is a finding. */
  wellFormed(method: string, answer: unknown): boolean;
  /** Methods whose answer latency is recorded (the system's latency requirement). */
  timed: ReadonlySet<string>;
}

export class DesignHost<C> {
  instance: C | null = null;
  readonly latenciesMs: number[] = [];
  /** Set when the design misbehaved in a way no invariant describes. */
  fault: Finding | null = null;

  constructor(
    private readonly sim: Simulator,
    net: Network,
    readonly proc: SimProcess,
    serviceName: string,
    private readonly design: HostedDesign<C>,
  ) {
    net.register(serviceName, proc, (method, body) => this.serve(method, body));
  }

  /** Creates the incarnation's instance and lets it recover. */
  boot(): void {
    this.instance = null;
    try {
      const instance = this.design.create(this.proc);
      this.instance = instance;
      this.design.start(instance);
    } catch (err) {
      this.fault ??= { invariant: 'CoordinatorError', message: `design threw on start in ${this.proc.name}: ${describeThrown(err)}` };
    }
  }

  /** The live incarnation, or null while the process is down. */
  live(): C | null {
    return this.proc.up ? this.instance : null;
  }

  private serve(method: string, body: Json): Promise<ServiceResponse> {
    const instance = this.instance;
    if (instance === null) return Promise.resolve({ reply: { kind: 'error', code: 'UNAVAILABLE' } });
    const startedMs = this.sim.now;
    let work: Promise<unknown>;
    try {
      work = this.design.serve(instance, method, body);
    } catch (err) {
      work = Promise.reject(err);
    }
    return work.then(
      (answer) => {
        if (!this.design.wellFormed(method, answer)) {
          this.fault ??= { invariant: 'MalformedAnswer', message: `${method} answered ${JSON.stringify(answer)}` };
          return { reply: { kind: 'error', code: 'SERVER_ERROR' } };
        }
        if (this.design.timed.has(method)) this.latenciesMs.push(this.sim.now - startedMs);
        return { reply: { kind: 'reply', value: answer as Json } };
      },
      (err: unknown) => {
        this.fault ??= { invariant: 'CoordinatorError', message: `${method} threw: ${describeThrown(err)}` };
        return { reply: { kind: 'error', code: 'SERVER_ERROR' } };
      },
    );
  }
}
