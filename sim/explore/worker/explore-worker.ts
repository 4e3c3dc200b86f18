/**
 * The body of one explorer worker thread: loads the system and design named
 * in its request, runs its task, and posts figures and failures back. Seed
 * blocks are taken one at a time from the explorer, which stops handing them
 * out once a first failure is settled; exhaustive slices report once at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { findSystem } from '../../systems/registry.ts';
import { exploreExhaustive } from '../exhaustive.ts';
import { independence } from '../parallel-exhaustive.ts';
import { runSeedBlock, type BlockSpec } from '../seed-block.ts';
import { SnapshotBuilder } from '../run-tally.ts';
import type { ParentMessage, WorkerMessage, WorkerRequest } from './protocol.ts';

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

async function work(request: WorkerRequest): Promise<void> {
  const system = findSystem(request.systemId);
  if (system === undefined) throw new Error(`unknown system ${request.systemId}`);
  const loaded = await system.loadDesign(request.designName);
  if (!loaded.ok) throw new Error(loaded.message);
  const task = request.task;
  if (task.kind === 'exhaustive') {
    const snapshot = new SnapshotBuilder(system.latencyBudgetP99Ms ?? null);
    const out = await exploreExhaustive({
      system,
      design: loaded.design,
      options: task.options,
      bounds: { ...task.bounds, ...independence(system, task.sleepSets) },
      maxSchedules: task.maxSchedules,
      stopAtFirst: task.stopAtFirst,
      maxSteps: request.maxSteps,
      slices: task.slices,
      onResult: (r) => snapshot.add(r),
    });
    if (out.kind === 'nondeterminism') throw new Error(out.message);
    post({ type: 'exhaustive-done', tally: snapshot.snapshot, exhausted: out.exhausted, failures: out.failures });
    return;
  }
  await serveBlocks({ system, design: loaded.design, strategy: task.strategy, stopAtFirst: task.stopAtFirst, maxSteps: request.maxSteps });
}

/** Runs the blocks the explorer hands out, one at a time, until told to finish. */
function serveBlocks(spec: BlockSpec): Promise<void> {
  return new Promise((resolve, reject) => {
    parentPort!.on('message', (m: ParentMessage) => {
      if (m.type === 'finish') return resolve();
      runSeedBlock(spec, m.seeds, false).then((outcome) => post({ type: 'block-done', index: m.index, ...outcome }), reject);
    });
    post({ type: 'ready' });
  });
}

work((workerData as { request: WorkerRequest }).request).then(
  () => post({ type: 'done' }),
  (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
);
