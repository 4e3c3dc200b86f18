/**
 * The body of one explorer worker thread: loads the system and design named
 * in its request, runs its task, and posts figures and failures back. Seeds
 * are reported in batches so that the explorer can stop all workers as soon
 * as a first failure is settled; exhaustive slices report once at the end.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { findSystem } from '../../systems/registry.ts';
import { exploreExhaustive } from '../exhaustive.ts';
import { independence } from '../parallel-exhaustive.ts';
import { sourceFor } from '../seed-sweep.ts';
import { SnapshotBuilder, type RunFigures } from '../run-tally.ts';
import type { RunResult } from '../../run-result.ts';
import type { WorkerMessage, WorkerRequest } from './protocol.ts';

const BATCH_SEEDS = 16;

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

function figuresOf(r: RunResult): RunFigures {
  return { events: r.events, latenciesMs: r.latenciesMs, faultsFired: r.faultsFired, probes: r.probes };
}

async function work(request: WorkerRequest): Promise<void> {
  const system = findSystem(request.systemId);
  if (system === undefined) throw new Error(`unknown system ${request.systemId}`);
  const loaded = await system.loadDesign(request.designName);
  if (!loaded.ok) throw new Error(loaded.message);
  const task = request.task;
  if (task.kind === 'exhaustive') {
    const snapshot = new SnapshotBuilder();
    const out = await exploreExhaustive({
      system,
      design: loaded.design,
      workload: task.workload,
      externalMode: task.externalMode,
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
  let batch: Array<{ seed: number; figures: RunFigures }> = [];
  let failures: RunResult[] = [];
  for (const seed of task.seeds) {
    const result = await system.run({ design: loaded.design, seed, choice: sourceFor(task.strategy, seed), keepTrace: false, maxSteps: request.maxSteps });
    batch.push({ seed, figures: figuresOf(result) });
    if (result.kind === 'violation') failures.push(result);
    if (batch.length >= BATCH_SEEDS || result.kind === 'violation') {
      post({ type: 'seeds', figures: batch, failures });
      batch = [];
      failures = [];
    }
  }
  post({ type: 'seeds', figures: batch, failures });
}

work(workerData as WorkerRequest).then(
  () => post({ type: 'done' }),
  (err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
);
