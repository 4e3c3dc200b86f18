/**
 * The end of the fault phase for one component's options: every fault
 * probability (a field named `...Probability`) drops to zero and the rest
 * stays. Healing by name pattern rather than by a list means a fault kind
 * added later cannot be forgotten at healing time.
 */
export function withoutFaults<T extends object>(options: T): T {
  const out = { ...options } as Record<string, unknown>;
  for (const key of Object.keys(out)) if (key.endsWith('Probability') && typeof out[key] === 'number') out[key] = 0;
  return out as T;
}
