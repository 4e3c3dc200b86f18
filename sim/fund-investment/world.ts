/**
 * One fund-investment run, declared on the world kit: the investors'
 * client, the transaction service's nodes (each a design host serving the
 * API and running a worker), their SQL database, the balance cache, the
 * queue between the API and the workers, the investor, fund and
 * notification services, and the system's invariants. Nodes crash and
 * restart (random or scripted); the cache restarts through its own action
 * (it comes back empty) and the database through its own (open
 * transactions roll back, committed data stays). The queue keeps its
 * messages; the services keep their books.
 */
import { balanceCacheKey, type FundInvestmentDesign, type FundNode, type InvestAnswer } from '../../impl/fund-investment/contract.ts';
import { OUTBOX, PROCESSED, TERMINAL_STATES, TRANSACTIONS } from '../../impl/fund-investment/schema.ts';
import { FaultScript, sendFaultsFor } from '../fakes/fault-script.ts';
import { simClock, simIds, simTimers } from '../kernel/process-ports.ts';
import { cachePort } from '../kit/cache-client.ts';
import { cachedByVersion } from '../kit/cached-by-version.ts';
import { CrashPolicy } from '../kit/crash-policy.ts';
import { DesignHost } from '../kit/design-host.ts';
import { schedulePartitions } from '../kit/partition-windows.ts';
import { queuePort } from '../kit/queue-client.ts';
import { SimQueue } from '../kit/sim-queue.ts';
import { StaleCache } from '../kit/stale-cache.ts';
import { withoutFaults } from '../kit/without-faults.ts';
import { WorldRun, type Finding, type SystemRunInput, type WorldParts } from '../kit/world-run.ts';
import { Network } from '../net/network.ts';
import type { RunResult } from '../run-result.ts';
import { sqlPort } from '../storage/sql/sql-client.ts';
import { SqlDatabase } from '../storage/sql/sql-database.ts';
import { SqlService } from '../storage/sql/sql-service.ts';
import type { FundConfig } from './config.ts';
import { fundCoverage } from './coverage.ts';
import { checkFundEnd } from './end-checks.ts';
import { FundService } from './fund-service.ts';
import { fundTruth, type FundTruth } from './ground-truth.ts';
import { checkFundStep } from './invariants.ts';
import { InvestClient } from './invest-client.ts';
import { InvestorService } from './investor-service.ts';
import { NotificationSink } from './notification-sink.ts';
import { servicePorts } from './service-ports.ts';

export type FundRunInput = SystemRunInput<FundInvestmentDesign, FundConfig>;

export function runFundInvestment(input: FundRunInput): Promise<RunResult> {
  const { config } = input;
  const world = new WorldRun({ ...input, design: input.design.name, faultPhaseMs: config.faultPhaseMs, livenessPhaseMsMax: config.livenessPhaseMsMax });
  const parts = new FundParts(world, input);
  world.attach(parts, parts.crashes, parts.hosts.map((h) => h.proc));
  return world.run();
}

/** Gap between two nodes' first boots, so that their polls are not in lockstep. */
const NODE_BOOT_STAGGER_MS = 7;

const STATUSES = new Set(['ACCEPTED', 'REJECTED', 'RETRY']);
const INVALIDATE_TIMEOUT_MS = 500;

class FundParts implements WorldParts {
  readonly crashes: CrashPolicy;
  readonly hosts: Array<DesignHost<FundNode>>;
  readonly net: Network;
  readonly database: SqlService;
  readonly cache: StaleCache;
  readonly queue: SimQueue;
  readonly investors: InvestorService;
  readonly funds: FundService;
  readonly sink: NotificationSink;
  readonly script: FaultScript;
  readonly client: InvestClient;
  readonly truth: FundTruth;
  private readonly step: () => Finding | null;

  constructor(
    private readonly world: WorldRun,
    private readonly input: FundRunInput,
  ) {
    const { config, design } = input;
    const { sim } = world;
    const clientProc = sim.addProcess('client', false);
    const net = (this.net = new Network(sim, { ...config.network }));
    this.script = new FaultScript(config.forced);
    net.forcedOnSend = sendFaultsFor(this.script, config.forced);
    const db = new SqlDatabase({ level: config.isolation, tables: [{ name: TRANSACTIONS, primaryKey: 'id' }, { name: OUTBOX, primaryKey: 'id' }, { name: PROCESSED, primaryKey: 'messageId' }] });
    this.database = new SqlService(sim, sim.addProcess('db', true), db, { ...config.db });
    this.database.register(net, 'db');
    net.overConnection.add('db');
    this.cache = new StaleCache(sim, sim.addProcess('cache', true), { ...config.cache });
    this.cache.register(net, 'cache');
    this.queue = new SimQueue(sim, sim.addProcess('queue', false), { ...config.queue });
    this.queue.register(net, 'queue');
    const investors = (this.investors = new InvestorService(sim, sim.addProcess('investors', false), { ...config.investorService }, this.script, config.investors));
    investors.register(net, 'investors');
    investors.onBalanceChange = (investor) => void net.call(investors.proc, 'cache', 'invalidate', { key: balanceCacheKey(investor) }, INVALIDATE_TIMEOUT_MS);
    this.funds = new FundService(sim, sim.addProcess('funds', false), { ...config.fundService }, this.script, config.funds);
    this.funds.register(net, 'funds');
    this.sink = new NotificationSink(sim, sim.addProcess('notifications', false), { ...config.notifications }, this.script);
    this.sink.register(net, 'notifications');
    this.hosts = config.nodes.map((name) => {
      const proc = sim.addProcess(name, true);
      return new DesignHost<FundNode>(sim, net, proc, name, {
        create: (p) =>
          design.create({
            clock: simClock(sim),
            timers: simTimers(sim, p),
            ids: simIds(p),
            sql: sqlPort(net, p, 'db'),
            cache: cachePort(net, p, 'cache'),
            queue: queuePort(net, p, 'queue'),
            ...servicePorts(net, p),
            self: name,
          }),
        start: (node) => node.start(),
        serve: (node, _method, body) => node.invest(body as never),
        wellFormed: (_m, a) => typeof a === 'object' && a !== null && STATUSES.has((a as InvestAnswer).status),
        timed: new Set(['invest']),
      });
    });
    const initial = config.investors.reduce((s, a) => s + a.balanceMinor, 0);
    this.truth = fundTruth(db, this.investors, this.funds, this.sink, initial);
    this.step = cachedByVersion(this.truth.version, () => checkFundStep(this.truth));
    this.client = new InvestClient(sim, net, clientProc, config, () => world.note(this.step()));
    this.crashes = new CrashPolicy(sim, world.control, config.crash, config.crashes, (p) => this.hosts.find((h) => h.proc === p)?.boot());
    this.crashes.onRestart(this.cache.proc, () => this.cache.restart());
    this.crashes.onRestart(this.database.proc, () => this.database.restart());
    this.crashes.onDown((p) => this.database.disconnect(p.name));
  }

  start(): void {
    const { sim, control } = this.world;
    this.hosts.forEach((h, i) => sim.schedule(i * NODE_BOOT_STAGGER_MS, control, `boot ${h.proc.name}`, () => h.boot(), null, { phase: 'control' }));
    this.client.scheduleWorkload();
    this.investors.scheduleTopUps(this.input.config.topUps);
    this.crashes.scheduleTimed(...this.hosts.map((h) => h.proc), this.cache.proc, this.database.proc);
    schedulePartitions(sim, control, this.net, this.input.config.partitions);
  }

  heal(): void {
    this.net.options = withoutFaults(this.net.options);
    this.database.options = withoutFaults(this.database.options);
    this.cache.options = withoutFaults(this.cache.options);
    this.queue.heal();
    this.investors.options = { ...withoutFaults(this.investors.options), downWindows: [] };
    this.funds.options = { ...withoutFaults(this.funds.options), downWindows: [] };
    this.sink.options = { ...withoutFaults(this.sink.options), downWindows: [] };
    this.net.partitions.healAll();
    // A cache or database down at healing comes back now, like the nodes.
    for (const p of [this.cache.proc, this.database.proc]) if (!p.up) this.world.sim.hooks?.onCrash(p);
  }

  pendingFault(): Finding | null {
    for (const h of this.hosts) if (h.fault !== null) return h.fault;
    return null;
  }

  checkStep(): Finding | null {
    return this.step();
  }

  drained(): boolean {
    const b = this.truth.books();
    return this.client.busy === 0 && this.queue.pending.length === 0 && b.outboxUnsent === 0 && b.transactions.every((t) => TERMINAL_STATES.has(t.state as string)) && this.hosts.every((h) => (h.live()?.heldInMemory().length ?? 0) === 0);
  }

  checkEnd(quiescent: boolean, why: string): Finding | null {
    return checkFundEnd(this.truth, this.client.records, quiescent, why);
  }

  busyWith(): string {
    const b = this.truth.books();
    const open = b.transactions.filter((t) => !TERMINAL_STATES.has(t.state as string)).map((t) => `${t.id as string} ${t.state as string}`);
    const held = this.hosts.flatMap((h) => h.live()?.heldInMemory() ?? []);
    return `client busy ${this.client.busy}, transactions open [${open.slice(0, 5).join(', ')}], queue holds ${this.queue.pending.length}, outbox unsent ${b.outboxUnsent}, held in memory [${held.join(', ')}]`;
  }

  figures(): Pick<RunResult, 'latenciesMs' | 'answers' | 'faultsFired' | 'probes'> {
    const answers = this.client.records.filter((r) => r.answer !== null).length;
    return { latenciesMs: this.hosts.flatMap((h) => h.latenciesMs), answers, ...fundCoverage(this) };
  }
}

export type { FundParts };
