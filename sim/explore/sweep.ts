/**
 * A random sweep: runs consecutive seeds of one system and design, each with
 * its own swarm-drawn world, stops at the first violation, and aggregates
 * latency and coverage. A failing seed is run a second time with its trace
 * kept; the two runs must agree on the trace hash, or moneysim itself has a
 * determinism bug, which is reported as such.
 */
import { RandomChoiceSource } from '../choice/random-choice-source.ts';
import type { RunResult } from '../run-result.ts';
import { LatencyHistogram, type LatencySummary } from '../stats/latency-histogram.ts';
import type { SystemDef } from '../systems/system-def.ts';

export interface SweepInput {
  system: SystemDef;
  design: unknown;
  designName: string;
  seedStart: number;
  seeds: number;
  /** Called after every seed, e.g. for a progress line; must not throw. */
  onSeed?: (done: number) => void;
}

export interface SweepStats {
  system: string;
  design: string;
  seedsRun: number;
  events: number;
  elapsedMs: number;
  latency: LatencySummary;
  latencyBudgetP99Ms: number | null;
  faultsFired: Record<string, number>;
  probes: Record<string, number>;
  /** Declared probes that never fired across the sweep. */
  probesMissed: string[];
}

export type SweepResult =
  | ({ kind: 'pass' } & SweepStats)
  | ({ kind: 'latency-budget' } & SweepStats)
  | ({ kind: 'violation'; failing: RunResult } & SweepStats)
  | ({ kind: 'nondeterminism'; message: string } & SweepStats);

export async function sweep(input: SweepInput): Promise<SweepResult> {
  const { system, design } = input;
  const latency = new LatencyHistogram();
  const faultsFired: Record<string, number> = {};
  const probes: Record<string, number> = Object.fromEntries(system.probes.map((p) => [p, 0]));
  let events = 0;
  let seedsRun = 0;
  const started = performance.now();
  const stats = (): SweepStats => ({
    system: system.id,
    design: input.designName,
    seedsRun,
    events,
    elapsedMs: performance.now() - started,
    latency: latency.summary(),
    latencyBudgetP99Ms: system.latencyBudgetP99Ms ?? null,
    faultsFired,
    probes,
    probesMissed: system.probes.filter((p) => (probes[p] ?? 0) === 0),
  });
  for (let seed = input.seedStart; seed < input.seedStart + input.seeds; seed++) {
    const result = await system.run({ design, seed, choice: new RandomChoiceSource(seed), keepTrace: false });
    seedsRun++;
    events += result.events;
    for (const ms of result.latenciesMs) latency.add(ms);
    addCounts(faultsFired, result.faultsFired);
    addCounts(probes, result.probes);
    input.onSeed?.(seedsRun);
    if (result.kind === 'violation') {
      const traced = await system.run({ design, seed, choice: new RandomChoiceSource(seed), keepTrace: true });
      if (traced.traceHash !== result.traceHash) {
        return { kind: 'nondeterminism', message: `seed ${seed} gave trace hash ${result.traceHash}, then ${traced.traceHash}`, ...stats() };
      }
      return { kind: 'violation', failing: traced, ...stats() };
    }
  }
  const final = stats();
  if (final.latencyBudgetP99Ms !== null && final.latency.p99 > final.latencyBudgetP99Ms) return { kind: 'latency-budget', ...final };
  return { kind: 'pass', ...final };
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}
