/**
 * Hosts the bank-transfer coordinator under test in the `api` process, on
 * the kit's design host: the ports of each incarnation (clock, timers, its
 * store, ids, the external institution and the internal ledger over the
 * simulated network) and the shape of a well-formed answer.
 */
import type { BankTransferCoordinator, BankTransferDesign, BankTransferPorts, TransferAnswer, TransferRequest } from '../../impl/bank-transfer/contract.ts';
import type { Json } from '../../impl/ports/ports.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { simClock, simIds, simTimers } from '../kernel/process-ports.ts';
import { DesignHost } from '../kit/design-host.ts';
import type { Network } from '../net/network.ts';
import type { SimStore } from '../storage/sim-store.ts';

const STATUSES = new Set(['SUCCESS', 'FAILED', 'PENDING']);

export class CoordinatorHost extends DesignHost<BankTransferCoordinator> {
  constructor(sim: Simulator, net: Network, proc: SimProcess, store: SimStore, design: BankTransferDesign) {
    super(sim, net, proc, 'api', {
      create: () => design.create(bankTransferPorts(sim, net, proc, store)),
      start: (c) => c.start(),
      serve: (c, method, body) =>
        method === 'transfer' ? c.transfer(body as unknown as TransferRequest) : c.status(String((body as { transferId: string }).transferId)),
      wellFormed: (_method, answer) => isAnswer(answer),
      timed: new Set(['transfer']),
    });
  }

  heldInMemory(): readonly string[] {
    return this.live()?.heldInMemory() ?? [];
  }
}

function bankTransferPorts(sim: Simulator, net: Network, proc: SimProcess, store: SimStore): BankTransferPorts {
  return {
    clock: simClock(sim),
    timers: simTimers(sim, proc),
    store: store.port(),
    ids: simIds(proc),
    external: {
      cashOut: (req, t) => net.call(proc, 'external', 'cashOut', req as unknown as Json, t),
      undo: (req, t) => net.call(proc, 'external', 'undo', req as unknown as Json, t),
      status: (req, t) => net.call(proc, 'external', 'status', req as unknown as Json, t),
    },
    ledger: { credit: (req, t) => net.call(proc, 'ledger', 'credit', req as unknown as Json, t) },
  };
}

function isAnswer(a: unknown): a is TransferAnswer {
  const x = a as TransferAnswer;
  return typeof x === 'object' && x !== null && STATUSES.has(x.status) && typeof x.transferId === 'string';
}
