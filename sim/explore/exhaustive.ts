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
 */
import { advance, DfsChoiceSource, type DfsBounds, type DfsNode } from '../choice/dfs-choice-source.ts';
import type { RunResult } from '../run-result.ts';
import type { SystemDef } from '../systems/system-def.ts';
import { RunTally } from './run-tally.ts';

export interface ExhaustiveInput {
  system: SystemDef;
  design: unknown;
  workload: number;
  externalMode: 'idempotent' | 'non-idempotent';
  bounds: DfsBounds;
  /** Stop after this many schedules even if the space is not exhausted. */
  maxSchedules: number;
  stopAtFirst: boolean;
  /** Events per run before the run is cut short. */
  maxSteps?: number;
  onRun?: (done: number) => void;
}

export type ExhaustiveOutcome =
  | { kind: 'done'; tally: RunTally; exhausted: boolean; failures: RunResult[] }
  | { kind: 'nondeterminism'; tally: RunTally; message: string };

export async function exploreExhaustive(input: ExhaustiveInput): Promise<ExhaustiveOutcome> {
  const tally = new RunTally(input.system);
  const failures: RunResult[] = [];
  const path: DfsNode[] = [];
  for (;;) {
    const source = new DfsChoiceSource(path, input.bounds);
    const result = await input.system.run({
      design: input.design,
      seed: 0,
      choice: source,
      keepTrace: false,
      world: 'exhaustive',
      workload: input.workload,
      externalMode: input.externalMode,
      maxSteps: input.maxSteps,
    });
    if (source.mismatch !== null) return { kind: 'nondeterminism', tally, message: source.mismatch };
    tally.add(result);
    input.onRun?.(tally.runs);
    if (result.kind === 'violation' && !failures.some((f) => f.kind === 'violation' && f.violation.invariant === result.violation.invariant)) {
      failures.push(result);
      if (input.stopAtFirst) return { kind: 'done', tally, exhausted: false, failures };
    }
    if (!advance(path)) return { kind: 'done', tally, exhausted: true, failures };
    if (tally.runs >= input.maxSchedules) return { kind: 'done', tally, exhausted: false, failures };
  }
}
