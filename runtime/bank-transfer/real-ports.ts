/**
 * The bank-transfer ports on real implementations: the clock and timers on
 * real time, ids after a random boot id, the store on Postgres, and the
 * institution and the ledger over HTTP (`<url>/cashOut`, `/undo`, `/status`,
 * `<url>/credit`), each call with the design's own timeout.
 */
import type { BankTransferPorts } from '../../impl/bank-transfer/contract.ts';
import type { Json, Store } from '../../impl/ports/ports.ts';
import { bootIds } from '../ports/boot-ids.ts';
import { httpRpc } from '../ports/http-rpc.ts';
import { realClock, realTimers } from '../ports/real-time.ts';

export interface RealPortsConfig {
  store: Store;
  bootId: string;
  externalUrl: string;
  ledgerUrl: string;
}

export function realBankTransferPorts(config: RealPortsConfig): BankTransferPorts {
  const external = httpRpc(config.externalUrl);
  const ledger = httpRpc(config.ledgerUrl);
  return {
    clock: realClock(),
    timers: realTimers(),
    store: config.store,
    ids: bootIds(config.bootId),
    external: {
      cashOut: (req, t) => external('cashOut', req as unknown as Json, t),
      undo: (req, t) => external('undo', req as unknown as Json, t),
      status: (req, t) => external('status', req as unknown as Json, t),
    },
    ledger: { credit: (req, t) => ledger('credit', req as unknown as Json, t) },
  };
}
