/**
 * One accounts-advances run, declared on the world kit: the client, the
 * accounts manager (a design host) with its database, the advances API, the
 * beat and the workers (design hosts) with the advances database, and the
 * broker. Every design process crashes and restarts (random or scripted);
 * the beat is re-armed by each boot on the kit's periodic beat, so twelve
 * weeks of weekly payments cost one event per tick; the databases restart
 * through their own action; workers stall (the kit's process pauses); the
 * accounts manager's replies to the advances service can be lost.
 */
import type { AccountsAdvancesDesign, AccountsManager, AdvancesApi, AdvancesPorts, Beat, Worker } from '../../impl/accounts-advances/contract.ts';
import type { Json } from '../../impl/ports/ports.ts';
import { chance } from '../choice/choice-source.ts';
import { simClock, simIds, simTimers } from '../kernel/process-ports.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { CrashPolicy } from '../kit/crash-policy.ts';
import { DesignHost } from '../kit/design-host.ts';
import { schedulePartitions } from '../kit/partition-windows.ts';
import { ProcessPauses } from '../kit/process-pauses.ts';
import { queuePort } from '../kit/queue-client.ts';
import { withLostReplies } from '../kit/reply-faults.ts';
import { SimQueue } from '../kit/sim-queue.ts';
import { withoutFaults } from '../kit/without-faults.ts';
import { WorldRun, type Finding, type SystemRunInput, type WorldParts } from '../kit/world-run.ts';
import { Network } from '../net/network.ts';
import type { RunResult } from '../run-result.ts';
import { sqlPort } from '../storage/sql/sql-client.ts';
import type { SqlService } from '../storage/sql/sql-service.ts';
import { AdvancesClient } from './advances-client.ts';
import { armDesignBeat } from './beat-host.ts';
import type { AdvancesConfig } from './config.ts';
import { openDatabases } from './databases.ts';
import { advancesCoverage } from './coverage.ts';
import { checkAdvancesEnd, openWork } from './end-checks.ts';
import { advancesTruth, type AdvancesTruth } from './ground-truth.ts';
import { stepChecker } from './invariants.ts';
import { checkReportPass } from './report-check.ts';

export type AdvancesRunInput = SystemRunInput<AccountsAdvancesDesign, AdvancesConfig>;

export function runAccountsAdvances(input: AdvancesRunInput): Promise<RunResult> {
  const { config } = input;
  const world = new WorldRun({ ...input, design: input.design.name, faultPhaseMs: config.faultPhaseMs, livenessPhaseMsMax: config.livenessPhaseMsMax });
  const parts = new AdvancesParts(world, input);
  const targets = config.randomCrashTargets;
  world.attach(parts, parts.crashes, parts.crashable().filter((p) => targets === null || targets.includes(p.name)));
  return world.run();
}

const ANSWERS = new Set(['success', 'fail', 'invalid', 'fenced', 'retry', 'ok', 'granted', 'refused']);
const wellFormed = (_m: string, a: unknown): boolean => typeof a === 'object' && a !== null && ANSWERS.has((a as { status: string }).status);

class AdvancesParts implements WorldParts {
  readonly crashes: CrashPolicy;
  readonly net: Network;
  readonly accountsDb: SqlService;
  readonly advancesDb: SqlService;
  readonly broker: SimQueue;
  readonly pauses: ProcessPauses;
  readonly accounts: DesignHost<AccountsManager>;
  readonly api: DesignHost<AdvancesApi>;
  readonly beat: DesignHost<Beat>;
  readonly workers: Array<DesignHost<Worker>>;
  readonly client: AdvancesClient;
  readonly truth: AdvancesTruth;
  readonly replyFaults: { lostReplyProbability: number };
  readonly counts = { lostReplies: 0 };
  private readonly checkBooks: () => Finding | null;

  constructor(
    private readonly world: WorldRun,
    private readonly input: AdvancesRunInput,
  ) {
    const { config, design } = input;
    const { sim } = world;
    const clientProc = sim.addProcess('client', false);
    const net = (this.net = new Network(sim, { ...config.network }));
    ({ accountsDb: this.accountsDb, advancesDb: this.advancesDb } = openDatabases(sim, net, config));
    this.broker = new SimQueue(sim, sim.addProcess('broker', false), { ...config.broker });
    this.broker.register(net, 'broker');
    this.pauses = new ProcessPauses(sim, { ...config.pauses }, config.scriptedPauses);
    this.replyFaults = { lostReplyProbability: config.lostReplyProbability };
    const lossy = withLostReplies(net, (method) => method === 'bankTransaction' && this.loseReply());
    this.accounts = new DesignHost<AccountsManager>(sim, lossy, sim.addProcess('accounts', true), 'accounts', {
      create: (p) => design.accounts({ clock: simClock(sim), timers: simTimers(sim, p), ids: simIds(p), sql: sqlPort(net, p, 'accounts-db') }),
      start: () => undefined,
      serve: (m, method, body) => (method === 'transfer' ? m.transfer(body as never) : method === 'report' ? m.report(body as never) : m.bankTransaction(body as never)),
      wellFormed,
      timed: new Set(['transfer', 'report']),
    });
    this.api = this.host<AdvancesApi>('advances', (ports) => design.advances(ports), () => undefined, (api, body) => api.requestAdvance(body as never));
    this.beat = this.host<Beat>('beat', (ports) => design.beat(ports), (b) => armDesignBeat(sim, this.beat, b, config), null);
    this.workers = Array.from({ length: config.workers }, (_, i) => this.host<Worker>(`worker-${i + 1}`, (ports) => design.worker(ports), (w) => w.start(), null));
    const initial = config.accounts.reduce((s, a) => s + a.balanceMinor, 0);
    this.truth = advancesTruth(this.accountsDb.db, this.advancesDb.db, initial);
    this.checkBooks = stepChecker(this.truth);
    this.client = new AdvancesClient(sim, net, clientProc, config.client, (pass) => world.note(checkReportPass(pass, this.truth)));
    const hosts = this.hosts();
    this.crashes = new CrashPolicy(sim, world.control, config.crash, config.crashes, (p) => hosts.find((h) => h.proc === p)?.boot());
    this.crashes.onRestart(this.accountsDb.proc, () => this.accountsDb.restart());
    this.crashes.onRestart(this.advancesDb.proc, () => this.advancesDb.restart());
    this.crashes.onDown((p) => {
      this.accountsDb.disconnect(p.name);
      this.advancesDb.disconnect(p.name);
    });
  }

  /** A design process of the advances service; workers' ports stall with the kit's pauses. */
  private host<C>(name: string, create: (ports: AdvancesPorts) => C, start: (c: C) => void, serve: ((c: C, body: Json) => Promise<unknown>) | null): DesignHost<C> {
    const { sim } = this.world;
    const net = this.net;
    const stalls = name.startsWith('worker-');
    return new DesignHost<C>(sim, net, sim.addProcess(name, true), name, {
      create: (p) => {
        const gate = <T extends object>(port: T): T => (stalls ? this.pauses.gate(p, port) : port);
        return create({
          clock: simClock(sim),
          timers: gate(simTimers(sim, p)),
          ids: simIds(p),
          sql: gate(sqlPort(net, p, 'advances-db')),
          accounts: gate({ bankTransaction: (req, t) => net.call(p, 'accounts', 'bankTransaction', req as unknown as Json, t) }),
          broker: gate(queuePort(net, p, 'broker')),
          self: name,
        });
      },
      start,
      serve: (c, _method, body) => (serve === null ? Promise.reject(new Error(`${name} serves no requests`)) : serve(c, body)),
      wellFormed,
      timed: new Set(['requestAdvance']),
    });
  }

  private loseReply(): boolean {
    if (!chance(this.world.sim.choice, 'reply.lost', this.replyFaults.lostReplyProbability)) return false;
    this.counts.lostReplies++;
    return true;
  }

  private hosts(): Array<DesignHost<unknown>> {
    return [this.accounts, this.api, this.beat, ...this.workers] as Array<DesignHost<unknown>>;
  }

  /** The processes random crashes may strike: every design process. */
  crashable(): SimProcess[] {
    return this.hosts().map((h) => h.proc);
  }

  start(): void {
    const { sim, control } = this.world;
    const { config } = this.input;
    // Processes come up a few milliseconds apart, as separately started processes do.
    this.hosts().forEach((h, i) => sim.schedule(i * 3, control, `boot ${h.proc.name}`, () => h.boot(), null, { phase: 'control' }));
    this.client.schedule(config.transfers, config.advances, config.reports);
    this.crashes.scheduleTimed(...this.crashable(), this.accountsDb.proc, this.advancesDb.proc);
    schedulePartitions(sim, control, this.net, config.partitions);
  }

  heal(): void {
    this.net.options = withoutFaults(this.net.options);
    this.accountsDb.options = withoutFaults(this.accountsDb.options);
    this.advancesDb.options = withoutFaults(this.advancesDb.options);
    this.broker.heal();
    this.pauses.options = withoutFaults(this.pauses.options);
    Object.assign(this.replyFaults, withoutFaults(this.replyFaults));
    this.net.partitions.healAll();
    for (const p of [this.accountsDb.proc, this.advancesDb.proc]) if (!p.up) this.world.sim.hooks?.onCrash(p);
  }

  pendingFault(): Finding | null {
    for (const h of this.hosts()) if (h.fault !== null) return h.fault;
    return null;
  }

  checkStep(): Finding | null {
    this.truth.observe(this.world.sim.now);
    return this.checkBooks();
  }

  drained(): boolean {
    return this.client.busy === 0 && openWork(this.truth).length === 0;
  }

  checkEnd(_quiescent: boolean, why: string): Finding | null {
    return checkAdvancesEnd(this.truth, this.client, why);
  }

  busyWith(): string {
    return `client busy ${this.client.busy}, open [${openWork(this.truth).slice(0, 5).join(', ')}]`;
  }

  figures(): Pick<RunResult, 'latenciesMs' | 'answers' | 'faultsFired' | 'probes'> {
    const answers = this.client.requests.filter((r) => r.answer !== null).length + this.client.passes.filter((p) => p.done).length;
    return { latenciesMs: [...this.accounts.latenciesMs, ...this.api.latenciesMs], answers, ...advancesCoverage(this) };
  }
}

export type { AdvancesParts };
