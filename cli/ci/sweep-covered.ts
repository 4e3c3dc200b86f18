/**
 * What a sweep covered, in the words CI output and reports use: the seeds it
 * ran (a sweep, or one shard of it, runs a prefix of its seed range, also
 * when a time limit stops it), the faults that fired and the probes it hit.
 */
import type { ExploreResult } from '../../sim/explore/explore.ts';
import { shardRange, subRange, type SeedRange } from '../../sim/explore/seed-sweep.ts';

/** The seeds a random or pct sweep ran; null for exhaustive exploration. */
export function seedsRun(r: ExploreResult): SeedRange | null {
  if (r.strategy === 'exhaustive') return null;
  const planned = shardRange(r.bounds.seedStart as number, r.bounds.seeds as number, r.shard);
  return subRange(planned, 0, r.schedules);
}

/** The number of seeds the sweep (or its shard) was asked to run. */
export function seedsPlanned(r: ExploreResult): number | null {
  if (r.strategy === 'exhaustive') return null;
  return shardRange(r.bounds.seedStart as number, r.bounds.seeds as number, r.shard).count;
}

/** `seeds 17..4013 (step 4, 1000 seeds)`, or `no seeds`. */
export function describeSeeds(range: SeedRange): string {
  if (range.count === 0) return 'no seeds';
  const last = range.first + (range.count - 1) * range.step;
  if (range.count === 1) return `seed ${range.first}`;
  const every = range.step === 1 ? '' : `step ${range.step}, `;
  return `seeds ${range.first}..${last} (${every}${range.count} seeds)`;
}

/** `seeds 1..1000 (1000 seeds)` or `1200 schedules (bounded space exhausted)`. */
export function describeRuns(r: ExploreResult): string {
  const seeds = seedsRun(r);
  if (seeds !== null) return describeSeeds(seeds);
  const space = r.exhausted === true ? 'bounded space exhausted' : 'bounded space not exhausted';
  return `${r.schedules} schedules (${space})`;
}

export function describeFaultsFired(faultsFired: Readonly<Record<string, number>>): string {
  return Object.entries(faultsFired).filter(([, v]) => v > 0).map(([k, v]) => `${k}=${v}`).join(' ') || '(none)';
}

export function describeProbes(probes: Readonly<Record<string, number>>): string {
  return Object.entries(probes).map(([k, v]) => `${k}=${v}`).join(' ') || '(none declared)';
}

/** The facts of a sweep as label and value pairs (JUnit properties, report pages). */
export function sweepFacts(r: ExploreResult): Array<[string, string]> {
  const facts: Array<[string, string]> = [
    ['strategy', r.strategy + (r.shard === null ? '' : `, shard ${r.shard.index}/${r.shard.count}`)],
    ['ran', describeRuns(r)],
    ['events', String(r.events)],
    ['wall time', `${r.elapsedMs < 1000 ? `${Math.round(r.elapsedMs)} ms` : `${(r.elapsedMs / 1000).toFixed(1)} s`} (exploring; shrinking not included)`],
    ['answer latency', `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms over ${r.latency.count} answers`],
    ['faults fired', describeFaultsFired(r.coverage.faultsFired)],
    ['probes', describeProbes(r.coverage.probes)],
  ];
  if (r.coverage.faultsNeverFired.length > 0) facts.push(['fault kinds never fired', r.coverage.faultsNeverFired.join(' ')]);
  if (r.coverage.probesMissed.length > 0) facts.push(['probes never hit', r.coverage.probesMissed.join(' ')]);
  return facts;
}
