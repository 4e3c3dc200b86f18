/**
 * Exhaustive exploration: stateless depth-first enumeration of every
 * schedule and fault choice of one system's exhaustive world, within a fault
 * budget and a depth bound. Each leaf is one run from scratch (no state is
 * saved between runs), so the real coordinator code is what is enumerated.
 *
 * The explorer records the first failing run of each invariant and keeps
 * going (unless asked to stop at the first), so one pass reports every bug
 * class the bounded space holds. It reports how many schedules ran and
 * whether the bounded space was exhausted or a run limit cut it short.
 *
 * Splitting (for shards and worker threads): every subtree rooted at depth
 * SPLIT_DEPTH_CHOICES belongs to exactly one slice, by a hash of the path to
 * it; a leaf above that depth belongs by a hash of its whole path. A slice
 * skips foreign subtrees without running them, except for the one run that
 * discovers a subtree, which it runs but neither counts nor reports, so the
 * slices of one split together count every leaf exactly once.
 */
import { advance, DfsChoiceSource, type DfsBounds, type DfsNode } from '../choice/dfs-choice-source.ts';
import type { RunResult } from '../run-result.ts';
import type { SystemDef } from '../systems/system-def.ts';
import type { WorldOptionValues } from '../systems/world-options.ts';
import { RunTally } from './run-tally.ts';
import { PROGRESS_YIELD_RUNS, yieldToEventLoop } from './seed-sweep.ts';
import { ownsPath, SPLIT_DEPTH_CHOICES, type TreeSlice } from './tree-slice.ts';

export interface ExhaustiveInput {
  system: SystemDef;
  design: unknown;
  /** The exhaustive world's options, resolved against the system's declarations. */
  options: WorldOptionValues;
  bounds: DfsBounds;
  /** Stop after this many schedules even if the space is not exhausted. */
  maxSchedules: number;
  stopAtFirst: boolean;
  /** Events per run before the run is cut short. */
  maxSteps?: number;
  /** Explore only these slices' share of the tree (all must own a leaf); empty means the whole tree. */
  slices: readonly TreeSlice[];
  /** Called with every run this slice counts. */
  onResult?: (run: RunResult) => void;
}

/** A failing leaf and its position in depth-first order (the branch values along its path). */
export interface ExhaustiveFailure {
  run: RunResult;
  path: number[];
}

export type ExhaustiveOutcome =
  | { kind: 'done'; tally: RunTally; exhausted: boolean; failures: ExhaustiveFailure[] }
  | { kind: 'nondeterminism'; tally: RunTally; message: string };

export async function exploreExhaustive(input: ExhaustiveInput): Promise<ExhaustiveOutcome> {
  const tally = new RunTally(input.system);
  const failures: ExhaustiveFailure[] = [];
  const path: DfsNode[] = [];
  const mine = (values: number[]): boolean => ownsPath(values, input.slices);
  for (;;) {
    if (path.length >= SPLIT_DEPTH_CHOICES && !mine(valuesOf(path, SPLIT_DEPTH_CHOICES))) {
      // A foreign subtree: skip it whole.
      path.length = SPLIT_DEPTH_CHOICES;
      if (!advance(path)) return { kind: 'done', tally, exhausted: true, failures };
      continue;
    }
    const source = new DfsChoiceSource(path, input.bounds);
    const result = await input.system.run({
      design: input.design,
      seed: 0,
      choice: source,
      keepTrace: false,
      world: 'exhaustive',
      options: input.options,
      maxSteps: input.maxSteps,
    });
    if (source.mismatch !== null) return { kind: 'nondeterminism', tally, message: source.mismatch };
    const values = valuesOf(path, path.length);
    if (mine(values.slice(0, SPLIT_DEPTH_CHOICES))) {
      tally.add(result);
      if (input.onResult !== undefined) {
        input.onResult(result);
        // Let a progress line (a stream write) flush now and then.
        if (tally.runs % PROGRESS_YIELD_RUNS === 0) await yieldToEventLoop();
      }
      if (result.kind === 'violation' && !failures.some((f) => f.run.kind === 'violation' && f.run.violation.invariant === result.violation.invariant)) {
        failures.push({ run: result, path: values });
        if (input.stopAtFirst) return { kind: 'done', tally, exhausted: false, failures };
      }
    }
    if (!advance(path)) return { kind: 'done', tally, exhausted: true, failures };
    if (tally.runs >= input.maxSchedules) return { kind: 'done', tally, exhausted: false, failures };
  }
}

function valuesOf(path: readonly DfsNode[], length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < length && i < path.length; i++) out.push(path[i]!.value);
  return out;
}
