/**
 * The generic half of swarm testing: each seed switches each of a system's
 * fault kinds on or off, and gives each one it switches on a rate of its
 * own, from a ladder wide enough that some seeds hammer one fault hard
 * (runs that spread every fault thinly miss what one hammered fault finds).
 * The system says what a kind means for its configuration (`apply`); the
 * draws come from the caller's `pick`, so a seed, or a recorded vector,
 * replays the configuration with the run.
 */

/** Rates a switched-on fault kind is drawn from. */
export const SWARM_RATES = [0.01, 0.05, 0.2, 0.5] as const;

/** Draws an integer in [0, n). */
export type Pick = (n: number) => number;

/** Switches kinds on or off, one draw each, and applies each switched-on kind at a drawn rate; returns `kind=rate` labels. */
export function drawSwitches<K extends string>(kinds: readonly K[], pick: Pick, apply: (kind: K, rate: number) => void): string[] {
  const enabled: string[] = [];
  for (const kind of kinds) {
    if (pick(2) === 0) continue;
    const rate = drawRate(pick);
    apply(kind, rate);
    enabled.push(`${kind}=${rate}`);
  }
  return enabled;
}

/** One rate from the ladder. */
export function drawRate(pick: Pick): number {
  return SWARM_RATES[pick(SWARM_RATES.length)]!;
}
