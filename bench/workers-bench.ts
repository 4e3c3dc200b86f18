/**
 * Worker-thread speed-up of a random sweep: runs the same seeds of the
 * bank-transfer reference design with --workers 1 and --workers 2, each in a
 * fresh `moneysim explore` process as a user would, alternating the two
 * several times and keeping each one's best, so that a burst of other load
 * on the machine does not decide the ratio. Seeds per second are those the
 * explore report measures: from the first run to the last, including the
 * start of the worker threads, excluding process start. Usage:
 *   npm run bench:workers [-- seeds [rounds]]
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const DEFAULT_SEEDS = 40_000;
const DEFAULT_ROUNDS = 3;
const BIN = fileURLToPath(new URL('../bin/moneysim.js', import.meta.url));

function seedsPerSecond(seeds: number, workers: number): number {
  const out = execFileSync(process.execPath, [BIN, 'explore', 'bank-transfer', '--seeds', String(seeds), '--workers', String(workers), '--json'], { encoding: 'utf8' });
  const report = JSON.parse(out) as { ok: boolean; runsPerSecond: number };
  if (!report.ok) throw new Error('benchmark sweep did not pass');
  return report.runsPerSecond;
}

const seeds = Number(process.argv[2] ?? DEFAULT_SEEDS);
const rounds = Number(process.argv[3] ?? DEFAULT_ROUNDS);
const best = { one: 0, two: 0 };
for (let round = 1; round <= rounds; round++) {
  const one = seedsPerSecond(seeds, 1);
  const two = seedsPerSecond(seeds, 2);
  console.log(`round ${round}: --workers 1 ${one} seeds/s, --workers 2 ${two} seeds/s`);
  best.one = Math.max(best.one, one);
  best.two = Math.max(best.two, two);
}
console.log(`bank-transfer / reference, random sweep of ${seeds} seeds, ${availableParallelism()} cores, best of ${rounds}`);
console.log(`--workers 1: ${best.one} seeds/s`);
console.log(`--workers 2: ${best.two} seeds/s`);
console.log(`ratio: ${(best.two / best.one).toFixed(2)}x`);
