/**
 * Memoises a value that only changes when a version counter moves, such as a
 * design's durable obligations, which change only when a transaction commits:
 * invariants read them after every event without recomputing them each time.
 */
export function cachedByVersion<T>(version: () => number, compute: () => T): () => T {
  let seen = -1;
  let value: T;
  return () => {
    const v = version();
    if (v !== seen) {
      value = compute();
      seen = v;
    }
    return value;
  };
}
