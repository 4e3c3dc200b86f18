/**
 * Worker-thread speed-up of a random sweep: runs the same seeds of the
 * bank-transfer reference design with --workers 1 (this thread) and
 * --workers 2, and prints seeds per second of each and their ratio. Wall
 * time includes starting the workers, as a user would see it. Usage:
 *   npm run bench:workers [-- seeds]
 */
import { availableParallelism } from 'node:os';
import { explore, type ExploreInput } from '../sim/explore/explore.ts';
import { bankTransferSystem } from '../sim/systems/bank-transfer-system.ts';

const DEFAULT_SEEDS = 40_000;

async function measure(input: ExploreInput): Promise<number> {
  const started = performance.now();
  const result = await explore(input);
  const seconds = (performance.now() - started) / 1000;
  if (result.kind !== 'pass') throw new Error(`benchmark sweep did not pass: ${result.kind}`);
  return result.schedules / seconds;
}

const seeds = Number(process.argv[2] ?? DEFAULT_SEEDS);
const loaded = await bankTransferSystem.loadDesign('reference');
if (!loaded.ok) throw new Error(loaded.message);
const base: ExploreInput = {
  system: bankTransferSystem,
  design: loaded.design,
  designName: 'reference',
  strategy: 'random',
  seedStart: 1,
  seeds,
  pct: { depth: 3, stepsEstimate: 50 },
  exhaustive: { maxFaults: 0, maxDepth: 0, workload: 1, externalMode: 'idempotent', maxSchedules: 0, sleepSets: false },
  stopAtFirst: true,
  shrinkRuns: 0,
  workers: 1,
  shard: null,
};
// One short warm-up so that module loading and JIT do not count against the single-thread run.
await measure({ ...base, seeds: 500 });
const one = await measure(base);
const two = await measure({ ...base, workers: 2 });
console.log(`bank-transfer / reference, random sweep of ${seeds} seeds, ${availableParallelism()} cores`);
console.log(`--workers 1: ${Math.round(one)} seeds/s`);
console.log(`--workers 2: ${Math.round(two)} seeds/s`);
console.log(`ratio: ${(two / one).toFixed(2)}x`);
