/**
 * Random and pct seed sweeps, serial or spread over threads.
 *
 * The sweep's ascending seed range (after sharding) is cut into blocks of
 * consecutive seeds, handed out one at a time to whichever thread is free:
 * the main thread itself and N-1 worker threads. Handing out small blocks on
 * demand balances the load (a worker that is still starting up simply takes
 * fewer) and sends one folded snapshot per block instead of per-seed figures.
 * Blocks are ranges computed from their index, and finished blocks are folded
 * into the tally in order as soon as all blocks before them are in, so memory
 * stays bounded however many seeds the sweep has.
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
import { isNewFailure, pastDeadline, shardRange, subRange, sweepSeeds, type SeedRange, type SeedStrategy } from './seed-sweep.ts';
import { startWorker, type RunningWorker } from './worker/worker-pool.ts';

export interface SweepFound {
  kind: 'done';
  tally: RunTally;
  failures: RunResult[];
  exhausted: null;
}

const BLOCK_SEEDS_MAX = 256;
const BLOCKS_PER_THREAD_MIN = 16;

/** How a sweep draws its seeds' choices. */
export function strategyOf(input: Pick<ExploreInput, 'strategy' | 'pct' | 'swarmOptions'>): SeedStrategy {
  const options = input.swarmOptions ?? {};
  return input.strategy === 'pct' ? { kind: 'pct', ...input.pct, options } : { kind: 'random', options };
}

export async function parallelSweep(input: ExploreInput): Promise<SweepFound> {
  const strategy = strategyOf(input);
  if (input.workers <= 1) {
    const out = await sweepSeeds({ ...input, strategy, onRun: input.onProgress });
    return { kind: 'done', tally: out.tally, failures: out.failures, exhausted: null };
  }
  const range = shardRange(input.seedStart, input.seeds, input.shard);
  const size = Math.max(1, Math.min(BLOCK_SEEDS_MAX, Math.ceil(range.count / (input.workers * BLOCKS_PER_THREAD_MIN))));
  const spec: BlockSpec = { system: input.system, design: input.design, strategy, stopAtFirst: input.stopAtFirst, maxSteps: input.maxSteps };
  const dealer = new BlockDealer(range, size, input, spec, strategy);
  await dealer.run();
  return { kind: 'done', tally: dealer.tally, failures: dealer.failures, exhausted: null };
}

/** Hands blocks out on demand to the main thread and the worker threads, and folds them back in order. */
class BlockDealer {
  readonly tally: RunTally;
  readonly failures: RunResult[] = [];
  private readonly blockCount: number;
  private next = 0;
  private runsDone = 0;
  /** Index of the lowest block that found a failure (with stopAtFirst, nothing after it is needed). */
  private lowestFailing = Infinity;
  /** Blocks finished out of order, waiting for the blocks before them. */
  private readonly pending = new Map<number, BlockOutcome>();
  private folded = 0;
  private foldingStopped = false;
  /** A time limit stopped handing out blocks. */
  private outOfTime = false;
  private readonly workers: RunningWorker[] = [];

  constructor(
    private readonly range: SeedRange,
    private readonly size: number,
    private readonly input: ExploreInput,
    private readonly spec: BlockSpec,
    private readonly strategy: SeedStrategy,
  ) {
    this.tally = new RunTally(input.system);
    this.blockCount = Math.ceil(range.count / size);
  }

  async run(): Promise<void> {
    for (let w = 1; w < this.input.workers; w++) this.workers.push(this.startWorker());
    await this.runOnMainThread();
    await Promise.all(this.workers.map((w) => w.finished));
    if (!this.foldingStopped && !this.outOfTime && this.folded < this.blockCount) throw new Error(`block ${this.folded} of the sweep was never run`);
  }

  private block(index: number): SeedRange {
    return subRange(this.range, index * this.size, (index + 1) * this.size);
  }

  /** The next block worth running, or null when none is left. */
  private take(): number | null {
    if (this.next >= this.blockCount || this.next > this.lowestFailing) return null;
    // Past a time limit no new block starts; the blocks handed out finish, so the seeds run stay a prefix.
    if (this.next > 0 && pastDeadline(this.input.deadlineEpochMs)) {
      this.outOfTime = true;
      return null;
    }
    return this.next++;
  }

  private record(index: number, outcome: BlockOutcome): void {
    this.runsDone += outcome.tally.runs;
    this.input.onProgress?.(this.runsDone);
    if (this.input.stopAtFirst && outcome.failures.length > 0) this.lowestFailing = Math.min(this.lowestFailing, index);
    this.pending.set(index, outcome);
    this.fold();
  }

  /** Tallies the finished blocks that follow the ones already folded, up to the first failing one when stopping at the first failure. */
  private fold(): void {
    for (let outcome = this.pending.get(this.folded); outcome !== undefined && !this.foldingStopped; outcome = this.pending.get(this.folded)) {
      this.pending.delete(this.folded);
      this.folded++;
      this.tally.merge(outcome.tally);
      for (const f of outcome.failures) if (isNewFailure(this.failures, f)) this.failures.push(f);
      if (this.input.stopAtFirst && outcome.failures.length > 0) {
        this.failures.splice(1);
        this.foldingStopped = true;
      }
    }
    // Blocks past the first failure are not counted; drop them instead of holding them.
    if (this.foldingStopped) this.pending.clear();
  }

  private async runOnMainThread(): Promise<void> {
    for (let index = this.take(); index !== null; index = this.take()) {
      this.record(index, await runSeedBlock(this.spec, this.block(index), true));
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
    else worker.send({ type: 'block', index, seeds: this.block(index) });
  }
}
