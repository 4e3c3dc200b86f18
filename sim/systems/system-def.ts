/**
 * What the CLI and the explorers need to know about a system, whatever its
 * protocol: its designs, its scenarios, and how to run one seed. Adding a
 * system means adding one of these to the registry.
 */
import type { ChoiceSource } from '../choice/choice-source.ts';
import type { RunResult } from '../run-result.ts';
import type { WorldOptionDecl, WorldOptionValues } from './world-options.ts';

export interface DesignInfo {
  name: string;
  description: string;
}

export interface ScenarioExpectation {
  /** true: no invariant may fail; otherwise the invariant that must be reported. */
  ok: boolean;
  invariant?: string;
}

export interface ScenarioInfo {
  name: string;
  description: string;
  seed: number;
  /** Expected outcome per built-in design name. */
  expect: Record<string, ScenarioExpectation>;
}

export interface RunRequest {
  /** A built-in design name or a loaded design object. */
  design: unknown;
  seed: number;
  choice: ChoiceSource;
  keepTrace: boolean;
  /** A scenario name; absent means a swarm-drawn random world. */
  scenario?: string;
  /**
   * Which generated world to run when no scenario is named: `swarm` (the
   * default) draws faults and workload from the seed; `exhaustive` switches
   * every per-event fault on as a choice point, with a fixed workload, for
   * systematic enumeration.
   */
  world?: 'swarm' | 'exhaustive';
  /** The exhaustive world's options, resolved against the system's `worldOptions` (defaults filled in). */
  options?: WorldOptionValues;
  /** Stop the run after this many dispatched events. */
  maxSteps?: number;
}

export type DesignLoad = { ok: true; design: unknown; name: string } | { ok: false; message: string };

export interface SystemDef {
  id: string;
  description: string;
  /** `ready` systems run; `planned` ones are listed so users know what is coming. */
  status: 'ready' | 'planned';
  designs: DesignInfo[];
  defaultDesign: string;
  /** The system's answer-latency requirement, if it has one. */
  latencyBudgetP99Ms?: number;
  /** "Sometimes" probes a sweep should hit. */
  probes: readonly string[];
  /** Options of the exhaustive world, validated and listed by the CLI. */
  worldOptions: readonly WorldOptionDecl[];
  /**
   * Sizes of a run that a shrinker reports before and after (e.g. transfers
   * made), read from a run kept with its trace. Optional: systems without it
   * are measured by their choice vectors and faults alone.
   */
  measure?(result: RunResult): Record<string, number>;
  /**
   * Optional: whether two events due at the same instant commute, given as
   * `process|label` keys. Exhaustive exploration uses it for sleep sets;
   * without it every ordering is enumerated.
   */
  independentEvents?(a: string, b: string): boolean;
  /**
   * Optional: the exhaustive explorer's default bounds for this system, used
   * when the user gives no --max-faults or --max-schedules (a system whose
   * runs are long sets tighter ones so that the default exploration ends).
   */
  exhaustiveDefaults?: { maxFaults: number; maxSchedules: number };
  scenarios(): ScenarioInfo[];
  /** Resolves a design name or module path; module loading failures are values. */
  loadDesign(nameOrPath: string): Promise<DesignLoad>;
  run(request: RunRequest): Promise<RunResult>;
}
