/**
 * Catches a design reaching for the wall clock or a global random generator.
 *
 * Coordinator code may use time and randomness only through its ports; a call
 * to `Math.random`, `Date.now` or `new Date()` while the simulator runs would
 * make runs irreproducible. While a run is under way these globals are
 * replaced by versions that record the offence (reported as the design's
 * `Nondeterminism`, with a hint) and return a value derived from virtual time,
 * so the run itself stays deterministic until it is stopped. The originals
 * are restored when the run ends. The simulator itself never calls them.
 */
export interface GuardReport {
  what: string;
}

const RealDate = Date;
const realRandom = Math.random;

let active: { nowMs: () => number; onUse: (r: GuardReport) => void } | null = null;

class GuardedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) {
      note('new Date()');
      super(active === null ? 0 : active.nowMs());
    } else {
      super(...(args as [number]));
    }
  }

  static override now(): number {
    note('Date.now()');
    return active === null ? 0 : active.nowMs();
  }
}

function note(what: string): void {
  active?.onUse({ what });
}

function guardedRandom(): number {
  note('Math.random()');
  return 0.5;
}

/** Installs the guard for one run; returns the function that removes it. */
export function guardGlobals(nowMs: () => number, onUse: (r: GuardReport) => void): () => void {
  const previous = active;
  active = { nowMs, onUse };
  globalThis.Date = GuardedDate as DateConstructor;
  Math.random = guardedRandom;
  return () => {
    active = previous;
    if (previous === null) {
      globalThis.Date = RealDate;
      Math.random = realRandom;
    }
  };
}
