/**
 * Benchmark of the simulator: runs a random sweep of the reference
 * bank-transfer design in one process on one core and prints simulated events
 * per second and seeds per second. A warm-up sweep runs first so the figures
 * describe steady state, not JIT compilation.
 *
 * Usage: npm run bench [-- --seeds N]
 */
import { referenceDesign } from '../impl/bank-transfer/reference/index.ts';
import { sweepSeeds } from '../sim/explore/seed-sweep.ts';
import { bankTransferSystem } from '../sim/systems/bank-transfer-system.ts';

const TARGET_EVENTS_PER_SECOND = 1_000_000;

function seedsArg(): number {
  const i = process.argv.indexOf('--seeds');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 5000;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error('--seeds must be a positive integer');
  return n;
}

async function main(): Promise<void> {
  const seeds = seedsArg();
  const input = { system: bankTransferSystem, design: referenceDesign, strategy: { kind: 'random' as const }, shard: null, stopAtFirst: true };
  await sweepSeeds({ ...input, seedStart: 1_000_000, seeds: Math.min(500, seeds) });
  const started = performance.now();
  const { tally, failures } = await sweepSeeds({ ...input, seedStart: 1, seeds });
  const seconds = (performance.now() - started) / 1000;
  const eventsPerSecond = tally.events / seconds;
  const lines = [
    `bank-transfer / reference, ${tally.runs} seeds, ${tally.events} events in ${seconds.toFixed(2)} s`,
    `events/s: ${Math.round(eventsPerSecond)} (target ${TARGET_EVENTS_PER_SECOND}, ratio ${(eventsPerSecond / TARGET_EVENTS_PER_SECOND).toFixed(2)})`,
    `seeds/s: ${Math.round(tally.runs / seconds)}`,
    `events per seed: ${(tally.events / tally.runs).toFixed(1)}`,
    `outcome: ${failures.length === 0 ? 'pass' : 'violation'}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
