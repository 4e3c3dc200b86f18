/**
 * Renders what `explore --check-determinism` found, and a nondeterminism the
 * explorer met while re-running a failure. Whose fault it is depends on the
 * design: a user's module that gives two traces for one seed keeps state
 * outside its ports (exit 1, with a hint); a built-in design doing so is a
 * bug in moneysim (exit 3).
 */
import chalk from 'chalk';
import type { DeterminismResult } from '../../sim/explore/check-determinism.ts';

export const NONDETERMINISM_HINT =
  'hint: a design must reach time, randomness and state only through its ports; module-level variables (state kept from one run to the next), Math.random, Date and real timers make runs of one seed differ';

/** Lines for a user's design whose runs of one seed differ. */
export function designNondeterminismLines(design: string, detail: string): string[] {
  return [chalk.red(`NONDETERMINISM in design ${design}`) + `: ${detail}`, NONDETERMINISM_HINT];
}

export function determinismDetail(r: Extract<DeterminismResult, { kind: 'nondeterministic' }>): string {
  return `seed ${r.seed} gave trace hash ${r.firstHash}, then ${r.secondHash} when run again`;
}

/** The line a sweep's report ends with when every sampled seed replayed identically. */
export function determinismOkLine(r: Extract<DeterminismResult, { kind: 'deterministic' }>): string {
  return `determinism: ${r.seeds.length} seeds spread over the sweep each ran twice with the same trace hash`;
}

export function determinismJson(r: DeterminismResult): Record<string, unknown> {
  if (r.kind === 'deterministic') return { ok: true, seedsChecked: r.seeds.length };
  return { ok: false, seedsChecked: r.seeds.length, seed: r.seed, traceHashes: [r.firstHash, r.secondHash], hint: NONDETERMINISM_HINT };
}
