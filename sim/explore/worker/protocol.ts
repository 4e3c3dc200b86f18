/**
 * Messages between the explorer and its worker threads. A worker is told
 * which system and design to load (by name or module path, as the user gave
 * it) and one task: blocks of seeds handed out one at a time on demand, or
 * slices of the exhaustive tree. It answers with a folded snapshot of what
 * each block exercised and the failing runs it kept, then a final message.
 */
import type { WorldOptionValues } from '../../systems/world-options.ts';
import type { RunResult } from '../../run-result.ts';
import type { DfsBounds } from '../../choice/dfs-choice-source.ts';
import type { TallySnapshot } from '../run-tally.ts';
import type { SeedRange, SeedStrategy } from '../seed-sweep.ts';
import type { TreeSlice } from '../tree-slice.ts';

export type WorkerTask =
  | { kind: 'blocks'; strategy: SeedStrategy; stopAtFirst: boolean }
  | {
      kind: 'exhaustive';
      slices: TreeSlice[];
      bounds: DfsBounds;
      sleepSets: boolean;
      options: WorldOptionValues;
      maxSchedules: number;
      stopAtFirst: boolean;
    };

export interface WorkerRequest {
  systemId: string;
  designName: string;
  maxSteps?: number;
  task: WorkerTask;
}

/** What the explorer sends a `blocks` worker: one block of seeds (a range, never a list) at a time, then `finish`. */
export type ParentMessage = { type: 'block'; index: number; seeds: SeedRange } | { type: 'finish' };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'block-done'; index: number; tally: TallySnapshot; failures: RunResult[] }
  | { type: 'exhaustive-done'; tally: TallySnapshot; exhausted: boolean; failures: Array<{ run: RunResult; path: number[] }> }
  | { type: 'done' }
  | { type: 'error'; message: string };
