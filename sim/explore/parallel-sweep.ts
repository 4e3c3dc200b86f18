/**
 * Random and pct seed sweeps, serial or spread over worker threads.
 *
 * Seeds (after sharding) are dealt round-robin to the workers, each of which
 * runs its seeds in ascending order and reports them in batches. The result
 * is made identical to the serial sweep's: figures are tallied for exactly
 * the seeds the serial sweep would have run, and failures are ordered by
 * seed. When stopping at the first failure, the workers are stopped once
 * every seed below the lowest failing seed has been reported.
 */
import type { RunResult } from '../run-result.ts';
import type { ExploreInput } from './explore.ts';
import { RunTally, type RunFigures } from './run-tally.ts';
import { shardSeeds, sweepSeeds, type SeedStrategy } from './seed-sweep.ts';
import { startWorker } from './worker/worker-pool.ts';

export interface SweepFound {
  kind: 'done';
  tally: RunTally;
  failures: RunResult[];
  exhausted: null;
}

function strategyOf(input: ExploreInput): SeedStrategy {
  return input.strategy === 'pct' ? { kind: 'pct', ...input.pct } : { kind: 'random' };
}

export async function parallelSweep(input: ExploreInput): Promise<SweepFound> {
  const strategy = strategyOf(input);
  if (input.workers <= 1) {
    const out = await sweepSeeds({ ...input, strategy });
    return { kind: 'done', tally: out.tally, failures: out.failures, exhausted: null };
  }
  const seeds = shardSeeds(input.seedStart, input.seeds, input.shard);
  const lists: number[][] = Array.from({ length: input.workers }, () => []);
  seeds.forEach((seed, i) => lists[i % input.workers]!.push(seed));
  const figures = new Map<number, RunFigures>();
  const failures: RunResult[] = [];
  // The highest seed each worker has reported; a worker without seeds has reported everything.
  const reached = lists.map((list) => (list.length === 0 ? Infinity : -1));
  const workers = lists.map((list, w) =>
    startWorker({ systemId: input.system.id, designName: input.designName, maxSteps: input.maxSteps, task: { kind: 'seeds', seeds: list, strategy, stopAtFirst: input.stopAtFirst } }, (m) => {
      if (m.type !== 'seeds') return;
      for (const f of m.figures) figures.set(f.seed, f.figures);
      failures.push(...m.failures);
      const last = m.figures[m.figures.length - 1];
      if (last !== undefined) reached[w] = last.seed === list[list.length - 1] ? Infinity : last.seed;
      if (input.stopAtFirst && failures.length > 0) maybeStop();
    }),
  );
  const maybeStop = (): void => {
    const lowest = Math.min(...failures.map((f) => f.seed));
    // Seeds run in ascending order per worker, so past `lowest` means every seed below it is in.
    if (reached.every((r) => r >= lowest)) for (const wk of workers) void wk.stop();
  };
  await Promise.all(workers.map((w) => w.finished));
  return collect(input, seeds, figures, failures);
}

function collect(input: ExploreInput, seeds: number[], figures: Map<number, RunFigures>, failures: RunResult[]): SweepFound {
  failures.sort((a, b) => a.seed - b.seed);
  const kept: RunResult[] = [];
  for (const f of failures) {
    if (f.kind === 'violation' && !kept.some((k) => k.kind === 'violation' && k.violation.invariant === f.violation.invariant)) kept.push(f);
  }
  const last = input.stopAtFirst && kept.length > 0 ? kept[0]!.seed : Infinity;
  const tally = new RunTally(input.system);
  for (const seed of seeds) {
    if (seed > last) break;
    const f = figures.get(seed);
    if (f === undefined) throw new Error(`seed ${seed} was never reported by a worker`);
    tally.add(f);
  }
  return { kind: 'done', tally, failures: input.stopAtFirst ? kept.slice(0, 1) : kept, exhausted: null };
}
