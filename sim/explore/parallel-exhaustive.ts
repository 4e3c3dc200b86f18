/**
 * Exhaustive exploration, serial or spread over worker threads. A shard is
 * one slice of the choice tree; each worker takes a nested slice of that
 * (with its own salt), so the workers of a shard together cover exactly the
 * shard. Failures are ordered by their position in depth-first order, so the
 * failure reported for each invariant is the one a serial run finds first.
 */
import type { DfsBounds } from '../choice/dfs-choice-source.ts';
import type { RunResult } from '../run-result.ts';
import type { SystemDef } from '../systems/system-def.ts';
import { exploreExhaustive, type ExhaustiveFailure } from './exhaustive.ts';
import type { ExploreInput } from './explore.ts';
import { RunTally } from './run-tally.ts';
import type { TreeSlice } from './tree-slice.ts';
import { startWorker } from './worker/worker-pool.ts';

const SHARD_SALT = 1;
const WORKER_SALT = 2;

export type ExhaustiveFound =
  | { kind: 'done'; tally: RunTally; failures: RunResult[]; exhausted: boolean }
  | { kind: 'nondeterminism'; tally: RunTally; message: string };

export async function parallelExhaustive(input: ExploreInput): Promise<ExhaustiveFound> {
  const e = input.exhaustive;
  const bounds: DfsBounds = { maxFaults: e.maxFaults, maxDepth: e.maxDepth, ...independence(input.system, e.sleepSets) };
  const shardSlices: TreeSlice[] = input.shard === null ? [] : [{ ...input.shard, salt: SHARD_SALT }];
  const common = { options: e.options, maxSchedules: e.maxSchedules, stopAtFirst: input.stopAtFirst };
  if (input.workers <= 1) {
    let runs = 0;
    const onResult = input.onProgress === undefined ? undefined : (): void => input.onProgress!(++runs);
    const out = await exploreExhaustive({ system: input.system, design: input.design, bounds, maxSteps: input.maxSteps, slices: shardSlices, onResult, ...common });
    if (out.kind === 'nondeterminism') return out;
    return { kind: 'done', tally: out.tally, failures: firstPerInvariant(out.failures), exhausted: out.exhausted };
  }
  const tally = new RunTally(input.system);
  const failures: ExhaustiveFailure[] = [];
  let exhausted = true;
  const workers = Array.from({ length: input.workers }, (_, w) => {
    const slices = [...shardSlices, { index: w + 1, count: input.workers, salt: WORKER_SALT }];
    // Functions do not cross threads: the worker takes the relation from the system it loads.
    const task = { kind: 'exhaustive' as const, slices, bounds: { maxFaults: e.maxFaults, maxDepth: e.maxDepth }, sleepSets: e.sleepSets, ...common };
    return startWorker({ systemId: input.system.id, designName: input.designName, maxSteps: input.maxSteps, task }, (m) => {
      if (m.type !== 'exhaustive-done') return;
      tally.merge(m.tally);
      failures.push(...m.failures);
      exhausted &&= m.exhausted;
    });
  });
  await Promise.all(workers.map((w) => w.finished));
  return { kind: 'done', tally, failures: firstPerInvariant(failures), exhausted };
}

/** The bounds' independence relation, when sleep sets are on and the system declares one. */
export function independence(system: SystemDef, sleepSets: boolean): Pick<DfsBounds, 'independent'> {
  const relation = system.independentEvents;
  return sleepSets && relation !== undefined ? { independent: (a, b) => relation.call(system, a, b) } : {};
}

function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function firstPerInvariant(failures: ExhaustiveFailure[]): RunResult[] {
  const sorted = [...failures].sort((a, b) => comparePaths(a.path, b.path));
  const kept: RunResult[] = [];
  for (const f of sorted) {
    const r = f.run;
    if (r.kind === 'violation' && !kept.some((k) => k.kind === 'violation' && k.violation.invariant === r.violation.invariant)) kept.push(r);
  }
  return kept;
}
