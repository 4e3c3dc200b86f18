/**
 * One run of any system's world: the part that is not about the system.
 *
 * Protocol of a run: the system wires its processes, fakes and client onto
 * the kernel and hands over a `WorldParts`; the run starts them, schedules
 * the end of the fault phase (the system heals its world, crashed processes
 * restart at once, random crashes stop), and dispatches events until work
 * drains after healing, a finding stops it, or the liveness bound passes.
 * After every event it asks the system for a finding (its step invariants);
 * at the end it asks for the end checks, then names `WorkDrains` if healed
 * work never drained. The first finding wins and is kept with its step.
 * While the run is under way the design's use of the wall clock or a global
 * random generator is a `Nondeterminism` finding, and the watchdog's
 * heartbeat names the run's seed. The result is a RunResult value.
 */
import type { ChoiceSource } from '../choice/choice-source.ts';
import { heartbeatRun } from '../kernel/heartbeat.ts';
import { guardGlobals } from '../kernel/nondeterminism-guard.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { Simulator } from '../kernel/simulator.ts';
import type { RunResult, Violation } from '../run-result.ts';
import { TraceRecorder } from '../trace/trace-recorder.ts';
import type { CrashPolicy } from './crash-policy.ts';

export interface Finding {
  invariant: string;
  message: string;
}

/** What a system supplies to a run. */
export interface WorldParts {
  /** Boots processes, schedules the workload, timed crashes and partitions. */
  start(): void;
  /** Ends every fault of the system's world (network, fakes); restarts are the run's. */
  heal(): void;
  /** A finding the system noticed outside its invariants (a design that threw), or null. */
  pendingFault(): Finding | null;
  /** The invariants checked after every event. */
  checkStep(): Finding | null;
  /** Whether the healed world has nothing left to do. */
  drained(): boolean;
  /** The checks at the end of a healed run; `why` says how the run ended, for messages. */
  checkEnd(quiescent: boolean, why: string): Finding | null;
  /** What still keeps the world busy, for the WorkDrains message. */
  busyWith(): string;
  /** Figures of the run for its result. */
  figures(): Pick<RunResult, 'latenciesMs' | 'answers' | 'faultsFired' | 'probes'>;
}

/** What a system's run function takes: its design, its configuration, and how the run is driven. */
export interface SystemRunInput<Design, Config> {
  design: Design;
  config: Config;
  /** What produced the config: swarm switches, a scenario name or the exhaustive world. */
  configLabel: string[];
  choice: ChoiceSource;
  seed: number;
  keepTrace: boolean;
  maxSteps?: number;
  /** False when the seed alone does not replay the run (an exhaustive schedule): the watchdog then names no seed. */
  seedReplays?: boolean;
}

export interface WorldRunInput {
  choice: ChoiceSource;
  seed: number;
  /** False when the seed alone does not replay the run (an exhaustive schedule). */
  seedReplays?: boolean;
  keepTrace: boolean;
  maxSteps?: number;
  design: string;
  configLabel: string[];
  faultPhaseMs: number;
  livenessPhaseMsMax: number;
}

export class WorldRun {
  readonly trace: TraceRecorder;
  readonly sim: Simulator;
  readonly control: SimProcess;
  private finding: Finding | null = null;
  private findingStep = 0;
  private quiescent = false;
  private healed = false;
  private parts: WorldParts | null = null;
  private crashes: CrashPolicy | null = null;
  /** The processes the crash policy may crash. */
  private readonly crashable = new Set<SimProcess>();

  constructor(private readonly input: WorldRunInput) {
    this.trace = new TraceRecorder(input.keepTrace);
    this.sim = new Simulator(input.choice, this.trace);
    this.control = this.sim.addProcess('control', false);
  }

  /** Declares the system's parts and the crash policy of its crashable processes. */
  attach(parts: WorldParts, crashes: CrashPolicy, crashable: readonly SimProcess[]): void {
    this.parts = parts;
    this.crashes = crashes;
    for (const p of crashable) this.crashable.add(p);
    this.sim.hooks = {
      crashBefore: (ev) => this.crashable.has(ev.proc) && crashes.shouldCrashBefore(ev),
      onCrash: (proc) => crashes.onCrash(proc),
      afterEvent: (ev) => this.afterEvent(ev.proc),
    };
  }

  /** Keeps the first finding, with the step at which it was made. */
  note(f: Finding | null): void {
    if (f !== null && this.finding === null) {
      this.finding = f;
      this.findingStep = this.sim.steps;
    }
  }

  async run(): Promise<RunResult> {
    const parts = this.parts!;
    const { sim, control, input } = this;
    parts.start();
    sim.schedule(input.faultPhaseMs, control, 'heal', () => this.heal(), null, { phase: 'control' });
    heartbeatRun(input.seedReplays === false ? null : input.seed);
    const unguard = guardGlobals(() => sim.now, (use) => this.note({
      invariant: 'Nondeterminism',
      message: `the design called ${use.what} at ${sim.now} ms; runs stop being reproducible. Use the ports instead: clock.nowMs() for time, ids.next() for unique ids, timers.sleep() for waiting`,
    }));
    let stop;
    try {
      stop = await sim.run(input.faultPhaseMs + input.livenessPhaseMsMax, input.maxSteps ?? 5_000_000);
    } finally {
      unguard();
    }
    if (stop.kind === 'runaway') this.note({ invariant: 'Runaway', message: stop.message });
    if (this.finding === null && this.healed) this.checkEnd(stop.kind);
    return this.result();
  }

  private heal(): void {
    this.healed = true;
    this.crashes!.healed = true;
    this.parts!.heal();
    // A crashed process already has a restart planned; bring it forward to now.
    for (const p of this.crashable) if (!p.up) this.sim.hooks?.onCrash(p);
    this.trace.record(this.sim.steps, this.sim.now, 'fault', 'control', '', 'fault phase over: everything heals');
  }

  /** After every event: a scripted crash due now, invariants, then whether healed work has drained. */
  private afterEvent(proc: SimProcess): boolean {
    const parts = this.parts!;
    if (this.crashes!.takeCrashAfterEvent()) this.sim.crash(proc, '', 'after handling the scripted event');
    this.note(parts.pendingFault());
    if (this.finding === null) this.note(parts.checkStep());
    if (this.finding !== null) return true;
    if (this.healed && parts.drained()) {
      this.quiescent = true;
      return true;
    }
    return false;
  }

  private checkEnd(stopKind: string): void {
    const { livenessPhaseMsMax } = this.input;
    const why = this.quiescent
      ? 'by quiescence'
      : stopKind === 'step-limit'
        ? `before the run's event limit stopped it at ${this.sim.now} ms`
        : `within ${livenessPhaseMsMax} ms after healing`;
    this.note(this.parts!.checkEnd(this.quiescent, why));
    if (this.finding !== null || this.quiescent) return;
    this.note({ invariant: 'WorkDrains', message: `work did not drain within ${livenessPhaseMsMax} ms after healing (${stopKind}): ${this.parts!.busyWith()}` });
  }

  private result(): RunResult {
    const { input, sim } = this;
    const base = {
      seed: input.seed,
      design: input.design,
      traceHash: this.trace.hash(),
      events: sim.steps,
      virtualTimeMs: sim.now,
      ...this.parts!.figures(),
      config: input.configLabel,
      choices: input.choice.log.values,
      trace: this.trace.entries,
    };
    const f = this.finding;
    if (f === null) return { kind: 'pass', ...base };
    const violation: Violation = { invariant: f.invariant, message: f.message, step: this.findingStep, timeMs: sim.now };
    return { kind: 'violation', violation, ...base };
  }
}
