/**
 * Random and pct seed sweeps, serial or spread over threads.
 *
 * The sweep's ascending seed list (after sharding) is cut into blocks of
 * consecutive seeds, handed out one at a time to whichever thread is free:
 * the main thread itself and N-1 worker threads. Handing out small blocks on
 * demand balances the load (a worker that is still starting up simply takes
 * fewer) and sends one folded snapshot per block instead of per-seed figures.
 *
 * The result is identical to the serial sweep's. A failing seed F lies in
 * exactly one block, which stops at F; when stopping at the first failure, no
 * block after the lowest failing block is handed out, every block before it
 * is awaited, and blocks after it are ignored. Tallying the blocks in order up
 * to that one counts exactly the seeds the serial sweep would have run.
 */
import type { RunResult } from '../run-result.ts';
import type { ExploreInput } from './explore.ts';
import { RunTally } from './run-tally.ts';
import { runSeedBlock, type BlockOutcome, type BlockSpec } from './seed-block.ts';
import { shardSeeds, sweepSeeds, type SeedStrategy } from './seed-sweep.ts';
import { startWorker, type RunningWorker } from './worker/worker-pool.ts';

export interface SweepFound {
  kind: 'done';
  tally: RunTally;
  failures: RunResult[];
  exhausted: null;
}

const BLOCK_SEEDS_MAX = 256;
const BLOCKS_PER_THREAD_MIN = 16;

function strategyOf(input: ExploreInput): SeedStrategy {
  return input.strategy === 'pct' ? { kind: 'pct', ...input.pct } : { kind: 'random' };
}

export async function parallelSweep(input: ExploreInput): Promise<SweepFound> {
  const strategy = strategyOf(input);
  if (input.workers <= 1) {
    const out = await sweepSeeds({ ...input, strategy, onRun: input.onProgress });
    return { kind: 'done', tally: out.tally, failures: out.failures, exhausted: null };
  }
  const seeds = shardSeeds(input.seedStart, input.seeds, input.shard);
  const size = Math.max(1, Math.min(BLOCK_SEEDS_MAX, Math.ceil(seeds.length / (input.workers * BLOCKS_PER_THREAD_MIN))));
  const blocks: number[][] = [];
  for (let i = 0; i < seeds.length; i += size) blocks.push(seeds.slice(i, i + size));
  const spec: BlockSpec = { system: input.system, design: input.design, strategy, stopAtFirst: input.stopAtFirst, maxSteps: input.maxSteps };
  const outcomes = await new BlockDealer(blocks, input, spec, strategy).run();
  return collect(input, outcomes, blocks.length);
}

/** Hands blocks out on demand to the main thread and the worker threads. */
class BlockDealer {
  private next = 0;
  private runsDone = 0;
  /** Index of the lowest block that found a failure (with stopAtFirst, nothing after it is needed). */
  private lowestFailing = Infinity;
  private readonly outcomes = new Map<number, BlockOutcome>();
  private readonly workers: RunningWorker[] = [];

  constructor(
    private readonly blocks: number[][],
    private readonly input: ExploreInput,
    private readonly spec: BlockSpec,
    private readonly strategy: SeedStrategy,
  ) {}

  async run(): Promise<Map<number, BlockOutcome>> {
    for (let w = 1; w < this.input.workers; w++) this.workers.push(this.startWorker());
    await this.runOnMainThread();
    await Promise.all(this.workers.map((w) => w.finished));
    return this.outcomes;
  }

  /** The next block worth running, or null when none is left. */
  private take(): number | null {
    if (this.next >= this.blocks.length || this.next > this.lowestFailing) return null;
    return this.next++;
  }

  private record(index: number, outcome: BlockOutcome): void {
    this.outcomes.set(index, outcome);
    this.runsDone += outcome.tally.runs;
    this.input.onProgress?.(this.runsDone);
    if (this.input.stopAtFirst && outcome.failures.length > 0) this.lowestFailing = Math.min(this.lowestFailing, index);
  }

  private async runOnMainThread(): Promise<void> {
    for (let index = this.take(); index !== null; index = this.take()) {
      this.record(index, await runSeedBlock(this.spec, this.blocks[index]!, true));
    }
  }

  private startWorker(): RunningWorker {
    const { input } = this;
    const task = { kind: 'blocks' as const, strategy: this.strategy, stopAtFirst: input.stopAtFirst };
    const worker: RunningWorker = startWorker({ systemId: input.system.id, designName: input.designName, maxSteps: input.maxSteps, task }, (m) => {
      if (m.type === 'block-done') this.record(m.index, { tally: m.tally, failures: m.failures });
      if (m.type === 'ready' || m.type === 'block-done') this.feed(worker);
    });
    return worker;
  }

  private feed(worker: RunningWorker): void {
    const index = this.take();
    if (index === null) worker.send({ type: 'finish' });
    else worker.send({ type: 'block', index, seeds: this.blocks[index]! });
  }
}

/** Tallies the blocks in order, up to the first failing one when stopping at the first failure. */
function collect(input: ExploreInput, outcomes: Map<number, BlockOutcome>, blockCount: number): SweepFound {
  const tally = new RunTally(input.system);
  const failures: RunResult[] = [];
  for (let index = 0; index < blockCount; index++) {
    const outcome = outcomes.get(index);
    if (outcome === undefined) throw new Error(`block ${index} of the sweep was never run`);
    tally.merge(outcome.tally);
    for (const f of outcome.failures) {
      if (f.kind === 'violation' && !failures.some((k) => k.kind === 'violation' && k.violation.invariant === f.violation.invariant)) failures.push(f);
    }
    if (input.stopAtFirst && outcome.failures.length > 0) break;
  }
  return { kind: 'done', tally, failures: input.stopAtFirst ? failures.slice(0, 1) : failures, exhausted: null };
}
