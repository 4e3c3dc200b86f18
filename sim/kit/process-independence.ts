/**
 * Sleep-set independence of two events due at the same instant, for worlds
 * whose processes talk only by messages: events are given as
 * `process|label` keys. Two events of one process never commute, nor does a
 * control event with anything. Two autocommit reads of the database
 * (`db|request query from ...`) commute. Events of two different processes
 * commute unless one process reads what the other writes outside of
 * messages: a client that checks its answers against the books of the
 * services that hold the truth, or a pair the system names (a service that
 * pushes invalidations into a cache, say).
 */
export interface Dependencies {
  /** Processes whose events read the truth (the client judging answers). */
  readers: readonly string[];
  /** Processes that hold the truth the readers read. */
  truth: readonly string[];
  /** Further pairs of processes whose events do not commute. */
  pairs?: ReadonlyArray<readonly [string, string]>;
}

export function processIndependence(deps: Dependencies): (a: string, b: string) => boolean {
  const reader = new Set(deps.readers);
  const truth = new Set(deps.truth);
  const pairs = new Set((deps.pairs ?? []).flatMap(([x, y]) => [`${x}|${y}`, `${y}|${x}`]));
  return (a, b) => {
    const pa = a.slice(0, a.indexOf('|'));
    const pb = b.slice(0, b.indexOf('|'));
    if (pa === 'db' && pb === 'db') return a.includes('|request query from ') && b.includes('|request query from ');
    if (pa === pb || pa === 'control' || pb === 'control') return false;
    if ((reader.has(pa) && truth.has(pb)) || (reader.has(pb) && truth.has(pa))) return false;
    return !pairs.has(`${pa}|${pb}`);
  };
}
