/**
 * One bank-transfer run, declared on the world kit (sim/kit/world-run.ts):
 * the processes (the mobile client, the coordinator under test in `api`, the
 * external institution, the internal ledger), their wiring over the
 * simulated network, and the system's invariants. The kit plays the run:
 * fault phase, healing, liveness bound, checks after every event and at the
 * end, and the result value.
 */
import type { BankTransferDesign } from '../../impl/bank-transfer/contract.ts';
import { ExternalInstitution } from '../fakes/external-institution.ts';
import { FaultScript, sendFaultsFor } from '../fakes/fault-script.ts';
import { InternalLedger } from '../fakes/internal-ledger.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { cachedByVersion } from '../kit/cached-by-version.ts';
import { CrashPolicy } from '../kit/crash-policy.ts';
import { schedulePartitions } from '../kit/partition-windows.ts';
import { WorldRun, type Finding, type SystemRunInput, type WorldParts } from '../kit/world-run.ts';
import { Network } from '../net/network.ts';
import type { RunResult } from '../run-result.ts';
import { SimStore } from '../storage/sim-store.ts';
import { AnswerBook } from './answer-book.ts';
import { CoordinatorHost } from './coordinator-host.ts';
import { collectCoverage } from './coverage.ts';
import { healWorld } from './heal.ts';
import type { GroundTruth } from './invariants/ground-truth.ts';
import { checkKeysSettled, checkPressAnswer, checkRequestsAnswered } from './invariants/key-invariants.ts';
import { checkQuiescent } from './invariants/quiescence-invariants.ts';
import { checkAnswer, checkStep } from './invariants/step-invariants.ts';
import { MobileClient } from './mobile-client.ts';
import type { BankTransferConfig } from './world-config.ts';

export type RunInput = SystemRunInput<BankTransferDesign, BankTransferConfig>;

export function runBankTransfer(input: RunInput): Promise<RunResult> {
  const { config } = input;
  const world = new WorldRun({ ...input, design: input.design.name, faultPhaseMs: config.faultPhaseMs, livenessPhaseMsMax: config.livenessPhaseMsMax });
  const parts = new BankTransferParts(world, input);
  world.attach(parts, parts.crashes, [parts.api]);
  return world.run();
}

/** The bank-transfer processes, fakes and checks, wired onto one world run. */
class BankTransferParts implements WorldParts {
  readonly api: SimProcess;
  readonly crashes: CrashPolicy;
  private readonly net: Network;
  private readonly external: ExternalInstitution;
  private readonly ledger: InternalLedger;
  private readonly host: CoordinatorHost;
  private readonly truth: GroundTruth;
  private readonly client: MobileClient;

  constructor(
    private readonly world: WorldRun,
    private readonly input: RunInput,
  ) {
    const { config } = input;
    const { sim } = world;
    const mobile = sim.addProcess('mobile', false);
    this.api = sim.addProcess('api', true);
    const extProc = sim.addProcess('external', false);
    const ledgerProc = sim.addProcess('ledger', false);
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
    this.client = new MobileClient(sim, net, mobile, config, book, (answer, press) => world.note(checkAnswer(truth, answer) ?? checkPressAnswer(press)));
    this.crashes = new CrashPolicy(sim, world.control, config.crash, config.script.crashes, () => host.boot());
  }

  start(): void {
    const { sim, control } = this.world;
    this.host.boot();
    this.client.scheduleWorkload();
    this.crashes.scheduleTimed(this.api);
    schedulePartitions(sim, control, this.net, this.input.config.partitions);
  }

  heal(): void {
    healWorld(this.net, this.external, this.ledger);
  }

  pendingFault(): Finding | null {
    return this.host.fault;
  }

  checkStep(): Finding | null {
    return checkStep(this.truth);
  }

  drained(): boolean {
    const t = this.truth;
    return this.client.busy === 0 && t.durableObligations().length === 0 && t.heldInMemory().length === 0;
  }

  checkEnd(quiescent: boolean, why: string): Finding | null {
    const t = this.truth;
    return checkQuiescent(t) ?? (quiescent ? checkKeysSettled(t) : null) ?? checkRequestsAnswered(t, why);
  }

  busyWith(): string {
    const t = this.truth;
    return `client busy ${this.client.busy}, obligations [${t.durableObligations().join(', ')}], held in memory [${t.heldInMemory().join(', ')}]`;
  }

  figures(): Pick<RunResult, 'latenciesMs' | 'answers' | 'faultsFired' | 'probes'> {
    const { sim } = this.world;
    const coverage = collectCoverage({ sim, net: this.net, external: this.external, ledger: this.ledger, api: this.api, client: this.client, crashes: this.crashes });
    return { latenciesMs: this.host.latenciesMs, answers: this.truth.book.answers, ...coverage };
  }
}
