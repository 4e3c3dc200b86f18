/**
 * Hosts the coordinator under test in the `api` process: builds its ports for
 * each incarnation, starts it (recovery) after every restart, serves the API
 * over the simulated network and times each answer in virtual time.
 * A coordinator that throws or answers with something malformed is reported
 * as a finding, not allowed to crash the simulator.
 */
import type { BankTransferCoordinator, BankTransferDesign, BankTransferPorts, TransferAnswer, TransferRequest } from '../../impl/bank-transfer/contract.ts';
import type { Json } from '../../impl/ports/ports.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { simClock, simIds, simTimers } from '../kernel/process-ports.ts';
import type { Network, ServiceResponse } from '../net/network.ts';
import type { SimStore } from '../storage/sim-store.ts';

const STATUSES = new Set(['SUCCESS', 'FAILED', 'PENDING']);

export class CoordinatorHost {
  coordinator: BankTransferCoordinator | null = null;
  readonly latenciesMs: number[] = [];
  /** Set when the coordinator misbehaved in a way no invariant describes (threw, malformed answer). */
  fault: { invariant: string; message: string } | null = null;

  constructor(
    private readonly sim: Simulator,
    private readonly net: Network,
    readonly proc: SimProcess,
    private readonly store: SimStore,
    private readonly design: BankTransferDesign,
  ) {
    net.register('api', proc, (method, body) => this.serve(method, body));
  }

  /** Creates the incarnation's coordinator and lets it recover. */
  boot(): void {
    const { sim, net, proc } = this;
    const ports: BankTransferPorts = {
      clock: simClock(sim),
      timers: simTimers(sim, proc),
      store: this.store.port(),
      ids: simIds(proc),
      external: {
        cashOut: (req, t) => net.call(proc, 'external', 'cashOut', req as unknown as Json, t),
        undo: (req, t) => net.call(proc, 'external', 'undo', req as unknown as Json, t),
        status: (req, t) => net.call(proc, 'external', 'status', req as unknown as Json, t),
      },
      ledger: { credit: (req, t) => net.call(proc, 'ledger', 'credit', req as unknown as Json, t) },
    };
    try {
      this.coordinator = this.design.create(ports);
      this.coordinator.start();
    } catch (err) {
      this.fault = { invariant: 'CoordinatorError', message: `design threw on start: ${describeThrown(err)}` };
    }
  }

  heldInMemory(): readonly string[] {
    if (!this.proc.up || this.coordinator === null) return [];
    return this.coordinator.heldInMemory();
  }

  private serve(method: string, body: Json): Promise<ServiceResponse> {
    const coordinator = this.coordinator;
    if (coordinator === null) return Promise.resolve({ reply: { kind: 'error', code: 'UNAVAILABLE' } });
    const startedMs = this.sim.now;
    const work =
      method === 'transfer'
        ? coordinator.transfer(body as unknown as TransferRequest)
        : coordinator.status(String((body as { transferId: string }).transferId));
    return work.then(
      (answer) => {
        if (!isAnswer(answer)) {
          this.fault ??= { invariant: 'MalformedAnswer', message: `${method} answered ${JSON.stringify(answer)}` };
          return { reply: { kind: 'error', code: 'SERVER_ERROR' } };
        }
        if (method === 'transfer') this.latenciesMs.push(this.sim.now - startedMs);
        return { reply: { kind: 'reply', value: answer as unknown as Json } };
      },
      (err: unknown) => {
        this.fault ??= { invariant: 'CoordinatorError', message: `${method} threw: ${describeThrown(err)}` };
        return { reply: { kind: 'error', code: 'SERVER_ERROR' } };
      },
    );
  }
}

/**
 * The thrown value's message and the frames of its stack that lie in the
 * design rather than in moneysim's simulator, so the user sees where in
 * their code it came from.
 */
export function describeThrown(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .filter((l) => !/[/\\](sim|cli|node_modules)[/\\]|node:internal/.test(l))
    .slice(0, 5)
    .map((l) => `\n    ${l.trim()}`);
  return `${err.message}${frames.join('')}`;
}

function isAnswer(a: unknown): a is TransferAnswer {
  const x = a as TransferAnswer;
  return typeof x === 'object' && x !== null && STATUSES.has(x.status) && typeof x.transferId === 'string';
}
