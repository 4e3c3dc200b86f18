/**
 * One bank-transfer run: builds the world (mobile client, coordinator under
 * test, external institution, internal ledger), runs the fault phase, heals
 * everything, lets work drain within the liveness bound, and checks the
 * invariants after every event and at quiescence. Returns a RunResult value.
 */
import type { BankTransferDesign } from '../../impl/bank-transfer/contract.ts';
import type { ChoiceSource } from '../choice/choice-source.ts';
import { ExternalInstitution } from '../fakes/external-institution.ts';
import { FaultScript, sendFaultsFor } from '../fakes/fault-script.ts';
import { InternalLedger } from '../fakes/internal-ledger.ts';
import { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { Network } from '../net/network.ts';
import type { RunResult, Violation } from '../run-result.ts';
import { SimStore } from '../storage/sim-store.ts';
import { TraceRecorder } from '../trace/trace-recorder.ts';
import { AnswerBook } from './answer-book.ts';
import { CoordinatorHost } from './coordinator-host.ts';
import { CrashPolicy } from './crash-policy.ts';
import type { Finding, GroundTruth } from './invariants/ground-truth.ts';
import { checkQuiescent } from './invariants/quiescence-invariants.ts';
import { checkAnswer, checkStep } from './invariants/step-invariants.ts';
import { checkKeysSettled, checkPressAnswer, checkRequestsAnswered } from './invariants/key-invariants.ts';
import { guardGlobals } from '../kernel/nondeterminism-guard.ts';
import { heartbeatRun } from '../kernel/heartbeat.ts';
import { MobileClient } from './mobile-client.ts';
import { collectCoverage } from './coverage.ts';
import type { BankTransferConfig } from './world-config.ts';
import { healWorld, schedulePartitions } from './heal.ts';

export interface RunInput {
  design: BankTransferDesign;
  config: BankTransferConfig;
  /** What produced the config: swarm switches or a scenario name. */
  configLabel: string[];
  choice: ChoiceSource;
  seed: number;
  keepTrace: boolean;
  maxSteps?: number;
  /** False when the seed alone does not replay the run (an exhaustive schedule): the watchdog then names no seed. */
  seedReplays?: boolean;
}

/** The design's obligations only change when a transaction commits, so they are recomputed only then. */
function cachedByVersion<T>(version: () => number, compute: () => T): () => T {
  let seen = -1;
  let value: T;
  return () => {
    const v = version();
    if (v !== seen) {
      value = compute();
      seen = v;
    }
    return value;
  };
}

export function runBankTransfer(input: RunInput): Promise<RunResult> {
  return new BankTransferWorld(input).run();
}

/** The processes, fakes and checks of one run, wired together; `run` plays it once. */
class BankTransferWorld {
  private readonly trace: TraceRecorder;
  private readonly sim: Simulator;
  private readonly api: SimProcess;
  private readonly control: SimProcess;
  private readonly net: Network;
  private readonly external: ExternalInstitution;
  private readonly ledger: InternalLedger;
  private readonly host: CoordinatorHost;
  private readonly truth: GroundTruth;
  private readonly client: MobileClient;
  private readonly crashes: CrashPolicy;
  private finding: Finding | null = null;
  private findingStep = 0;
  private quiescent = false;

  constructor(private readonly input: RunInput) {
    const { config } = input;
    this.trace = new TraceRecorder(input.keepTrace);
    const sim = (this.sim = new Simulator(input.choice, this.trace));
    const mobile = sim.addProcess('mobile', false);
    this.api = sim.addProcess('api', true);
    const extProc = sim.addProcess('external', false);
    const ledgerProc = sim.addProcess('ledger', false);
    this.control = sim.addProcess('control', false);
    const net = (this.net = new Network(sim, { ...config.network }));
    const script = new FaultScript(config.script.calls);
    net.forcedOnSend = sendFaultsFor(script, config.script.calls);
    const accounts = config.accounts.map((a) => [a.accountId, a.balanceMinor] as [string, number]);
    const external = (this.external = new ExternalInstitution(sim, { ...config.external }, script, accounts));
    const ledger = (this.ledger = new InternalLedger(sim, { ...config.ledger }, script));
    net.register('external', extProc, (m, b) => external.handle(m, b));
    net.register('ledger', ledgerProc, (m, b) => ledger.handle(m, b));
    const store = new SimStore(sim, this.api, config.store);
    const host = (this.host = new CoordinatorHost(sim, net, this.api, store, input.design));
    const book = new AnswerBook(input.keepTrace);
    const truth: GroundTruth = (this.truth = {
      external,
      ledger,
      book,
      initialTotalMinor: external.totalMinor() + ledger.totalMinor(),
      initialBalances: new Map(external.balances),
      durableObligations: cachedByVersion(() => store.commits, () => input.design.durableObligations(store)),
      heldInMemory: () => host.heldInMemory(),
    });
    this.client = new MobileClient(sim, net, mobile, config, book, (answer, press) => this.note(checkAnswer(truth, answer) ?? checkPressAnswer(press)));
    this.crashes = new CrashPolicy(sim, this.control, config.crash, config.script.crashes, () => host.boot());
    sim.hooks = {
      crashBefore: (ev) => ev.proc === this.api && this.crashes.shouldCrashBefore(ev),
      onCrash: (proc) => this.crashes.onCrash(proc),
      afterEvent: () => this.afterEvent(),
    };
  }

  async run(): Promise<RunResult> {
    const { config } = this.input;
    const { sim, control } = this;
    this.host.boot();
    this.client.scheduleWorkload();
    this.crashes.scheduleTimed(this.api);
    schedulePartitions(sim, control, this.net, config.partitions);
    sim.schedule(config.faultPhaseMs, control, 'heal', () => {
      this.crashes.healed = true;
      healWorld(sim, this.net, this.external, this.ledger, this.api);
      this.trace.record(sim.steps, sim.now, 'fault', 'control', '', 'fault phase over: everything heals');
    }, null, { phase: 'control' });
    heartbeatRun(this.input.seedReplays === false ? null : this.input.seed);
    const unguard = guardGlobals(() => sim.now, (use) => this.note({
      invariant: 'Nondeterminism',
      message: `the design called ${use.what} at ${sim.now} ms; runs stop being reproducible. Use the ports instead: clock.nowMs() for time, ids.next() for unique ids, timers.sleep() for waiting`,
    }));
    let stop;
    try {
      stop = await sim.run(config.faultPhaseMs + config.livenessPhaseMsMax, this.input.maxSteps ?? 5_000_000);
    } finally {
      unguard();
    }
    if (stop.kind === 'runaway') this.note({ invariant: 'Runaway', message: stop.message });
    if (this.finding === null && this.crashes.healed) this.checkEnd(stop.kind);
    return this.result();
  }

  /** Keeps the first finding, with the step at which it was made. */
  private note(f: Finding | null): void {
    if (f !== null && this.finding === null) {
      this.finding = f;
      this.findingStep = this.sim.steps;
    }
  }

  /** After every event: invariants, then whether healed work has drained (which ends the run). */
  private afterEvent(): boolean {
    if (this.crashes.takeCrashAfterEvent()) this.sim.crash(this.api, '', 'after handling the scripted event');
    if (this.host.fault !== null) this.note(this.host.fault);
    if (this.finding === null) this.note(checkStep(this.truth));
    if (this.finding !== null) return true;
    const t = this.truth;
    if (this.crashes.healed && this.client.busy === 0 && t.durableObligations().length === 0 && t.heldInMemory().length === 0) {
      this.quiescent = true;
      return true;
    }
    return false;
  }

  private checkEnd(stopKind: string): void {
    const t = this.truth;
    this.note(checkQuiescent(t));
    if (this.quiescent) this.note(checkKeysSettled(t));
    const why = this.quiescent
      ? 'by quiescence'
      : stopKind === 'step-limit'
        ? `before the run's event limit stopped it at ${this.sim.now} ms`
        : `within ${this.input.config.livenessPhaseMsMax} ms after healing`;
    this.note(checkRequestsAnswered(t, why));
    if (this.finding !== null || this.quiescent) return;
    this.note({
      invariant: 'WorkDrains',
      message: `work did not drain within ${this.input.config.livenessPhaseMsMax} ms after healing (${stopKind}): client busy ${this.client.busy}, obligations [${t.durableObligations().join(', ')}], held in memory [${t.heldInMemory().join(', ')}]`,
    });
  }

  private result(): RunResult {
    const { input, sim } = this;
    const base = {
      seed: input.seed,
      design: input.design.name,
      traceHash: this.trace.hash(),
      events: sim.steps,
      virtualTimeMs: sim.now,
      latenciesMs: this.host.latenciesMs,
      answers: this.truth.book.answers,
      config: input.configLabel,
      ...collectCoverage({ sim, net: this.net, external: this.external, ledger: this.ledger, api: this.api, client: this.client, crashes: this.crashes }),
      choices: input.choice.log.values,
      trace: this.trace.entries,
    };
    const f = this.finding;
    if (f === null) return { kind: 'pass', ...base };
    const violation: Violation = { invariant: f.invariant, message: f.message, step: this.findingStep, timeMs: sim.now };
    return { kind: 'violation', violation, ...base };
  }
}
