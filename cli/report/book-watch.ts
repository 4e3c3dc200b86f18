/**
 * Watches the fakes' books while the CLI runs (or replays) one run for a
 * report: the external institution's account balances and the internal
 * balance store's, after every request either of them handles.
 *
 * A run's result carries its trace but no balances, and the simulator does
 * not change for reports; the two fakes are deterministic state machines
 * whose balances change only inside their `handle` method, which the network
 * calls right after it records the request's delivery. So, for the length of
 * one run, `handle` is wrapped to copy the books after each call; the wrapper
 * changes nothing the fake computes or draws, and the run's trace hash is the
 * same with and without it (a test pins that). The copies are matched to
 * the trace's delivery entries by truth-series.ts.
 */
import { ExternalInstitution } from '../../sim/fakes/external-institution.ts';
import { InternalLedger } from '../../sim/fakes/internal-ledger.ts';
import type { Json } from '../../impl/ports/ports.ts';
import type { ServiceResponse } from '../../sim/net/network.ts';

export type Balances = Record<string, number>;

/** The books after one handled request, and which service handled it. */
export interface BookCopy {
  service: 'external' | 'ledger';
  external: Balances;
  internal: Balances;
}

export interface WatchedBooks {
  /** External balances before the first request; null when no request reached the institution. */
  initialExternal: Balances | null;
  copies: BookCopy[];
}

function copyOf(map: ReadonlyMap<string, number> | undefined): Balances {
  return map === undefined ? {} : Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Runs `run` with the fakes' books watched (when `enabled`: a command watches
 * only when it writes a report); the wrappers are removed when it settles,
 * whatever happens.
 */
export async function watchBooks<T>(run: () => Promise<T>, enabled = true): Promise<{ value: T; books: WatchedBooks }> {
  if (!enabled) return { value: await run(), books: { initialExternal: null, copies: [] } };
  const externalProto = ExternalInstitution.prototype;
  const ledgerProto = InternalLedger.prototype;
  const originalExternal = externalProto.handle;
  const originalLedger = ledgerProto.handle;
  let external: ExternalInstitution | null = null;
  let ledger: InternalLedger | null = null;
  const books: WatchedBooks = { initialExternal: null, copies: [] };
  const record = (service: BookCopy['service']): void => {
    books.copies.push({ service, external: copyOf(external?.balances), internal: copyOf(ledger?.balances) });
  };
  externalProto.handle = function (this: ExternalInstitution, method: string, body: Json): ServiceResponse {
    if (external !== this) {
      // A new world: only the last run's books are kept.
      external = this;
      ledger = null;
      books.copies = [];
      books.initialExternal = copyOf(this.balances);
    }
    const response = originalExternal.call(this, method, body);
    record('external');
    return response;
  };
  ledgerProto.handle = function (this: InternalLedger, method: string, body: Json): ServiceResponse {
    ledger = this;
    const response = originalLedger.call(this, method, body);
    record('ledger');
    return response;
  };
  try {
    const value = await run();
    return { value, books };
  } finally {
    externalProto.handle = originalExternal;
    ledgerProto.handle = originalLedger;
  }
}
