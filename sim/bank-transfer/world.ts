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

export async function runBankTransfer(input: RunInput): Promise<RunResult> {
  const { config, choice } = input;
  const trace = new TraceRecorder(input.keepTrace);
  const sim = new Simulator(choice, trace);
  const mobile = sim.addProcess('mobile', false);
  const api = sim.addProcess('api', true);
  const extProc = sim.addProcess('external', false);
  const ledgerProc = sim.addProcess('ledger', false);
  const control = sim.addProcess('control', false);
  const net = new Network(sim, { ...config.network });
  const script = new FaultScript(config.script.calls);
  net.forcedOnSend = sendFaultsFor(script, config.script.calls);
  const accounts = config.accounts.map((a) => [a.accountId, a.balanceMinor] as [string, number]);
  const external = new ExternalInstitution(sim, { ...config.external }, script, accounts);
  const ledger = new InternalLedger(sim, { ...config.ledger }, script);
  net.register('external', extProc, (m, b) => external.handle(m, b));
  net.register('ledger', ledgerProc, (m, b) => ledger.handle(m, b));
  const store = new SimStore(sim, api, config.store);
  const host = new CoordinatorHost(sim, net, api, store, input.design);
  const book = new AnswerBook(input.keepTrace);
  const truth: GroundTruth = {
    external,
    ledger,
    book,
    initialTotalMinor: external.totalMinor() + ledger.totalMinor(),
    durableObligations: cachedByVersion(() => store.commits, () => input.design.durableObligations(store)),
    heldInMemory: () => host.heldInMemory(),
  };
  let finding: Finding | null = null;
  let findingStep = 0;
  const note = (f: Finding | null): void => {
    if (f !== null && finding === null) {
      finding = f;
      findingStep = sim.steps;
    }
  };
  const client = new MobileClient(sim, net, mobile, config, book, (answer) => note(checkAnswer(truth, answer)));
  const crashes = new CrashPolicy(sim, control, config.crash, config.script.crashes, () => host.boot());
  let quiescent = false;
  sim.hooks = {
    crashBefore: (ev) => ev.proc === api && crashes.shouldCrashBefore(ev),
    onCrash: (proc) => crashes.onCrash(proc),
    afterEvent: () => {
      if (host.fault !== null) note(host.fault);
      if (finding === null) note(checkStep(truth));
      if (finding !== null) return true;
      if (crashes.healed && client.busy === 0 && truth.durableObligations().length === 0 && truth.heldInMemory().length === 0) {
        quiescent = true;
        return true;
      }
      return false;
    },
  };
  host.boot();
  client.scheduleWorkload();
  crashes.scheduleTimed(api);
  schedulePartitions(sim, control, net, config.partitions);
  sim.schedule(config.faultPhaseMs, control, 'heal', () => {
    crashes.healed = true;
    healWorld(sim, net, external, ledger, api);
    trace.record(sim.steps, sim.now, 'fault', 'control', '', 'fault phase over: everything heals');
  }, null, { phase: 'control' });
  const stop = await sim.run(config.faultPhaseMs + config.livenessPhaseMsMax, input.maxSteps ?? 5_000_000);
  if (finding === null && crashes.healed) {
    note(checkQuiescent(truth));
    if (finding === null && !quiescent) {
      note({
        invariant: 'WorkDrains',
        message: `work did not drain within ${config.livenessPhaseMsMax} ms after healing (${stop.kind}): client busy ${client.busy}, obligations [${truth.durableObligations().join(', ')}], held in memory [${truth.heldInMemory().join(', ')}]`,
      });
    }
  }
  const base = {
    seed: input.seed,
    design: input.design.name,
    traceHash: trace.hash(),
    events: sim.steps,
    virtualTimeMs: sim.now,
    latenciesMs: host.latenciesMs,
    config: input.configLabel,
    ...collectCoverage({ sim, net, external, ledger, api, client, crashes }),
    choices: choice.log.values,
    trace: trace.entries,
  };
  const f = finding as Finding | null;
  if (f === null) return { kind: 'pass', ...base };
  const violation: Violation = { invariant: f.invariant, message: f.message, step: findingStep, timeMs: sim.now };
  return { kind: 'violation', violation, ...base };
}
