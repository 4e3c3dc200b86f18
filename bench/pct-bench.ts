/**
 * PCT against random on planted bugs: for each planted-bug design in
 * test/fixtures/pct/, how many seeds each strategy runs before it finds the
 * bug, over several seed starts, and the ratio of the medians.
 *
 * A failure counts as finding the planted bug only when the reference design
 * passes the same seed under the same strategy, so a hole the planted design
 * inherits from the reference is never credited to the planted change.
 *
 * Usage: npm run bench:pct [-- budget [starts [depth [steps [classes]]]]]
 *   budget: seeds per search before giving up (default 1000)
 *   starts: number of seed starts, 1, 1000001, 2000001, ... (default 10)
 *   depth, steps: pct's --pct-depth and --pct-steps (default 3 and 50)
 *   classes: comma-separated planted bugs to run (default all)
 */
import { referenceDesign } from '../impl/bank-transfer/reference/index.ts';
import { sourceFor, sweepSeeds, type SeedStrategy } from '../sim/explore/seed-sweep.ts';
import { findSystem } from '../sim/systems/registry.ts';
import type { SystemDef } from '../sim/systems/system-def.ts';

const PLANTED = ['split-admission', 'status-before-expiry', 'unavailable-as-refusal', 'no-account-lock', 'lock-released-early', 'credit-timeout-as-success'] as const;
const START_STRIDE = 1_000_000;

interface Search {
  /** Seeds run up to and including the first that finds the bug, or null past the budget. */
  seeds: number | null;
  invariant: string | null;
}

function intArg(index: number, fallback: number): number {
  const raw = process.argv[index];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`argument ${index - 1} must be a positive integer, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

/** Runs seeds from `start` until the design fails on a seed the reference passes, or the budget is spent. */
async function search(system: SystemDef, design: unknown, strategy: SeedStrategy, start: number, budget: number): Promise<Search> {
  let from = start;
  while (from < start + budget) {
    const out = await sweepSeeds({ system, design, strategy, seedStart: from, seeds: start + budget - from, shard: null, stopAtFirst: true });
    const failure = out.failures[0];
    if (failure === undefined || failure.kind !== 'violation') return { seeds: null, invariant: null };
    const reference = await system.run({ design: referenceDesign, seed: failure.seed, choice: sourceFor(strategy, failure.seed), keepTrace: false });
    if (reference.kind === 'pass') return { seeds: failure.seed - start + 1, invariant: failure.violation.invariant };
    from = failure.seed + 1;
  }
  return { seeds: null, invariant: null };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median and spread of the searches; a search past the budget counts as budget + 1 and is shown as ">budget". */
function summary(searches: readonly Search[], budget: number): { median: number; text: string } {
  const counts = searches.map((s) => s.seeds ?? budget + 1);
  const m = median(counts);
  const show = (v: number): string => (v > budget ? `>${budget}` : String(v));
  const missed = searches.filter((s) => s.seeds === null).length;
  const text = `${show(m)} [${show(Math.min(...counts))}-${show(Math.max(...counts))}]${missed > 0 ? ` ${missed} missed` : ''}`;
  return { median: m, text };
}

async function main(): Promise<void> {
  const budget = intArg(2, 1000);
  const starts = intArg(3, 10);
  const depth = intArg(4, 3);
  const steps = intArg(5, 50);
  const system = findSystem('bank-transfer')!;
  const strategies: Array<[string, SeedStrategy]> = [
    ['random', { kind: 'random' }],
    ['pct', { kind: 'pct', depth, stepsEstimate: steps }],
  ];
  const began = Date.now();
  console.log(`seeds to the first finding of each planted bug (median [min-max] over ${starts} seed starts 1, ${START_STRIDE + 1}, ...; budget ${budget} seeds; pct depth ${depth}, steps ${steps})`);
  console.log(`${'planted bug'.padEnd(28)}${'random'.padEnd(32)}${'pct'.padEnd(32)}${'random/pct'.padEnd(18)}invariants (random; pct)`);
  const only = process.argv[6]?.split(',');
  const unknown = only?.find((n) => !(PLANTED as readonly string[]).includes(n));
  if (unknown !== undefined) {
    console.error(`unknown planted bug "${unknown}"; known: ${PLANTED.join(', ')}`);
    process.exit(2);
  }
  for (const name of only ?? PLANTED) {
    const { design } = (await import(`../test/fixtures/pct/${name}.ts`)) as { design: unknown };
    const cells: Array<{ median: number; text: string; invariants: string }> = [];
    for (const [, strategy] of strategies) {
      const searches: Search[] = [];
      for (let k = 0; k < starts; k++) searches.push(await search(system, design, strategy, 1 + k * START_STRIDE, budget));
      const invariants = [...new Set(searches.map((s) => s.invariant).filter((i) => i !== null))].join(',');
      cells.push({ ...summary(searches, budget), invariants: invariants === '' ? '-' : invariants });
    }
    const [random, pct] = cells as [(typeof cells)[0], (typeof cells)[0]];
    const ratio = (random.median / pct.median).toFixed(1);
    const bound = random.median > budget || pct.median > budget ? ' (a bound)' : '';
    console.log(`${name.padEnd(28)}${random.text.padEnd(32)}${pct.text.padEnd(32)}${`${ratio}x${bound}`.padEnd(18)}${random.invariants}; ${pct.invariants}`);
  }
  console.log(`${((Date.now() - began) / 1000).toFixed(1)} s`);
}

await main();
