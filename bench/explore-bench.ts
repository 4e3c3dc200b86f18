/**
 * Benchmark of the simulator: runs a random sweep of the reference
 * bank-transfer design in one process on one core and prints simulated events
 * per second and seeds per second. A warm-up sweep runs first so the figures
 * describe steady state, not JIT compilation.
 *
 * Usage: npm run bench [-- --seeds N]
 */
import { referenceDesign } from '../impl/bank-transfer/reference/index.ts';
import { sweep } from '../sim/explore/sweep.ts';
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
  const input = { system: bankTransferSystem, design: referenceDesign, designName: 'reference' };
  await sweep({ ...input, seedStart: 1_000_000, seeds: Math.min(500, seeds) });
  const result = await sweep({ ...input, seedStart: 1, seeds });
  const seconds = result.elapsedMs / 1000;
  const eventsPerSecond = result.events / seconds;
  const lines = [
    `bank-transfer / reference, ${result.seedsRun} seeds, ${result.events} events in ${seconds.toFixed(2)} s`,
    `events/s: ${Math.round(eventsPerSecond)} (target ${TARGET_EVENTS_PER_SECOND}, ratio ${(eventsPerSecond / TARGET_EVENTS_PER_SECOND).toFixed(2)})`,
    `seeds/s: ${Math.round(result.seedsRun / seconds)}`,
    `events per seed: ${(result.events / result.seedsRun).toFixed(1)}`,
    `outcome: ${result.kind}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
