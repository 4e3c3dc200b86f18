/**
 * The ground truth of a run over time, for the report's chart: every
 * external account's balance, every internal account's balance, and the
 * money in transit (what left the institution and is not in the internal
 * store: the initial total minus both books). Money that goes missing shows
 * as a step up of the in-transit line that never comes back down; money
 * created shows as in-transit below zero.
 *
 * Built from the books watched during the run (book-watch.ts): the n-th copy
 * was taken when the n-th request reached the institution or the store, which
 * is the n-th such delivery in the trace, so each copy takes that entry's
 * step and virtual time.
 */
import type { TraceEntry } from '../../sim/trace/trace-recorder.ts';
import type { Balances, WatchedBooks } from './book-watch.ts';

export interface TruthPoint {
  step: number;
  timeMs: number;
  /** What the request that changed the books was, e.g. `api => external request cashOut`. */
  cause: string;
  external: Balances;
  internal: Balances;
  inTransitMinor: number;
}

export interface TruthSeries {
  externalAccounts: string[];
  internalAccounts: string[];
  initialTotalMinor: number;
  /** The first point is the books before any request (step 0). */
  points: TruthPoint[];
}

export type TruthOutcome = { kind: 'series'; series: TruthSeries } | { kind: 'none'; reason: string };

const SERVICES = new Set(['external', 'ledger']);

function total(b: Balances): number {
  let sum = 0;
  for (const v of Object.values(b)) sum += v;
  return sum;
}

function isServiceDelivery(e: TraceEntry): boolean {
  return e.kind === 'deliver' && SERVICES.has(e.peer) && e.text.startsWith('request ');
}

export function truthSeries(trace: readonly TraceEntry[], books: WatchedBooks): TruthOutcome {
  if (books.initialExternal === null) {
    return { kind: 'none', reason: "the chart reads the books of bank-transfer's external institution and internal balance store, and no request reached them in this run" };
  }
  const deliveries = trace.filter(isServiceDelivery);
  if (deliveries.length !== books.copies.length) {
    return { kind: 'none', reason: `the trace shows ${deliveries.length} requests reaching the fakes, but ${books.copies.length} were watched; the books cannot be placed in time` };
  }
  const initialTotalMinor = total(books.initialExternal);
  const points: TruthPoint[] = [{ step: 0, timeMs: 0, cause: 'before the run', external: books.initialExternal, internal: {}, inTransitMinor: 0 }];
  const internalAccounts = new Set<string>();
  books.copies.forEach((copy, i) => {
    const e = deliveries[i]!;
    for (const id of Object.keys(copy.internal)) internalAccounts.add(id);
    points.push({
      step: e.step,
      timeMs: e.timeMs,
      cause: `${e.actor} => ${e.peer} ${e.text}`,
      external: copy.external,
      internal: copy.internal,
      inTransitMinor: initialTotalMinor - total(copy.external) - total(copy.internal),
    });
  });
  return {
    kind: 'series',
    series: { externalAccounts: Object.keys(books.initialExternal), internalAccounts: [...internalAccounts].sort(), initialTotalMinor, points },
  };
}
