/**
 * Search statistics: rates, per-action coverage and the fingerprint-collision
 * estimate.
 *
 * The collision estimate follows the usual reasoning for fingerprinting model
 * checkers: each of the (generated - distinct) lookups that found a state
 * "already seen" could have matched a different state among `distinct`
 * fingerprints with probability distinct / 2^64, so the chance that any state
 * was wrongly dropped is about distinct * (generated - distinct) / 2^64.
 */
import type { Compiled } from './compile.ts';
import type { ActionCoverage, Stats } from './result.ts';

export function collisionProbability(distinct: number, generated: number): number {
  return Math.min(1, (distinct * Math.max(0, generated - distinct)) / 2 ** 64);
}

export function buildStats(
  model: Compiled,
  run: { generated: number; distinct: number; depth: number; durationMs: number; fired: Float64Array; discovered?: Float64Array; initial?: number; bytes?: number },
): Stats {
  const byAction = model.spec.actions.map((a) => ({ action: a.name, fired: 0, distinct: 0 }));
  model.instances.forEach((inst, j) => {
    byAction[inst.action]!.fired += run.fired[j]!;
    byAction[inst.action]!.distinct += run.discovered?.[j] ?? 0;
  });
  const coverage: ActionCoverage[] = byAction;
  const seconds = Math.max(run.durationMs, 1) / 1000;
  return {
    generatedStates: run.generated,
    ...(run.initial !== undefined ? { initialStates: run.initial } : {}),
    ...(run.bytes !== undefined ? { memory: { bytes: run.bytes, bytesPerState: Math.round((run.bytes / Math.max(1, run.distinct)) * 10) / 10 } } : {}),
    ...(model.symmetry ? { symmetry: { groups: model.symmetry.groups.map((g) => g.name), permutations: model.symmetry.size } } : {}),
    distinctStates: run.distinct,
    depth: run.depth,
    durationMs: Math.round(run.durationMs),
    statesPerSecond: Math.round(run.distinct / seconds),
    coverage,
    neverFired: coverage.filter((c) => c.fired === 0).map((c) => c.action),
    collisionProbability: collisionProbability(run.distinct, run.generated),
  };
}
