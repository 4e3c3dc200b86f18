/**
 * Messages between the explorer and its worker threads. A worker is told
 * which system and design to load (by name or module path, as the user gave
 * it) and one task: a list of seeds, or slices of the exhaustive tree. It
 * answers with per-run figures in batches (so the explorer can tally and stop
 * early) and the failing runs it kept, then a final message.
 */
import type { RunResult } from '../../run-result.ts';
import type { DfsBounds } from '../../choice/dfs-choice-source.ts';
import type { RunFigures, TallySnapshot } from '../run-tally.ts';
import type { SeedStrategy } from '../seed-sweep.ts';
import type { TreeSlice } from '../tree-slice.ts';

export type WorkerTask =
  | { kind: 'seeds'; seeds: number[]; strategy: SeedStrategy; stopAtFirst: boolean }
  | {
      kind: 'exhaustive';
      slices: TreeSlice[];
      bounds: DfsBounds;
      sleepSets: boolean;
      workload: number;
      externalMode: 'idempotent' | 'non-idempotent';
      maxSchedules: number;
      stopAtFirst: boolean;
    };

export interface WorkerRequest {
  systemId: string;
  designName: string;
  maxSteps?: number;
  task: WorkerTask;
}

export type WorkerMessage =
  | { type: 'seeds'; figures: Array<{ seed: number; figures: RunFigures }>; failures: RunResult[] }
  | { type: 'exhaustive-done'; tally: TallySnapshot; exhausted: boolean; failures: Array<{ run: RunResult; path: number[] }> }
  | { type: 'done' }
  | { type: 'error'; message: string };
