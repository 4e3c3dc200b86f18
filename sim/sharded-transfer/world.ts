/**
 * One sharded-transfer run, declared on the world kit: the client, N
 * coordinator nodes (each a design host), the shared SQL database (the only
 * channel between nodes), the withdrawal service, the router in front of
 * the nodes, and the system's invariants. Nodes crash and restart (random
 * or scripted), the withdrawal service restarts through its own action
 * (stateless: it forgets), and the database restarts through its own
 * (open transactions roll back, committed data stays).
 */
import type { ShardedNode, ShardedTransferDesign, TransferAnswer } from '../../impl/sharded-transfer/contract.ts';
import { ACCOUNTS, TERMINAL_STATES, TRANSFERS } from '../../impl/sharded-transfer/schema.ts';
import type { Json } from '../../impl/ports/ports.ts';
import { simClock, simIds, simTimers } from '../kernel/process-ports.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import { CrashPolicy } from '../kit/crash-policy.ts';
import { DesignHost } from '../kit/design-host.ts';
import { schedulePartitions } from '../kit/partition-windows.ts';
import { Router } from '../kit/router.ts';
import { withoutFaults } from '../kit/without-faults.ts';
import { WorldRun, type Finding, type SystemRunInput, type WorldParts } from '../kit/world-run.ts';
import { Network } from '../net/network.ts';
import type { RunResult } from '../run-result.ts';
import { sqlPort } from '../storage/sql/sql-client.ts';
import { SqlDatabase } from '../storage/sql/sql-database.ts';
import { SqlService } from '../storage/sql/sql-service.ts';
import type { ShardedConfig } from './config.ts';
import { shardedCoverage } from './coverage.ts';
import { shardedTruth, type ShardedTruth } from './ground-truth.ts';
import { checkAvailability, checkShardedEnd, checkShardedStep, openTransfers } from './invariants.ts';
import { TransferClient } from './transfer-client.ts';
import { WithdrawalStub } from './withdrawal-stub.ts';

export type ShardedRunInput = SystemRunInput<ShardedTransferDesign, ShardedConfig>;

export function runShardedTransfer(input: ShardedRunInput): Promise<RunResult> {
  const { config } = input;
  const world = new WorldRun({ ...input, design: input.design.name, faultPhaseMs: config.faultPhaseMs, livenessPhaseMsMax: config.livenessPhaseMsMax });
  const parts = new ShardedParts(world, input);
  world.attach(parts, parts.crashes, parts.crashable());
  return world.run();
}

/** Gap between two nodes' first boots. */
const NODE_BOOT_STAGGER_MS = 7;

const STATUSES = new Set(['ACCEPTED', 'REJECTED', 'NOT_OWNER', 'RETRY']);

class ShardedParts implements WorldParts {
  readonly crashes: CrashPolicy;
  readonly hosts: Array<DesignHost<ShardedNode>>;
  readonly net: Network;
  readonly router: Router;
  readonly stub: WithdrawalStub;
  readonly database: SqlService;
  readonly client: TransferClient;
  readonly truth: ShardedTruth;
  private readonly terminalAtMs = new Map<string, number>();
  private seenBooks: unknown = null;

  constructor(
    private readonly world: WorldRun,
    private readonly input: ShardedRunInput,
  ) {
    const { config, design } = input;
    const { sim } = world;
    const clientProc = sim.addProcess('client', false);
    const net = (this.net = new Network(sim, { ...config.network }));
    const db = new SqlDatabase({ level: config.isolation, tables: [{ name: ACCOUNTS, primaryKey: 'id' }, { name: TRANSFERS, primaryKey: 'id' }] });
    db.load(ACCOUNTS, config.accounts.map((a) => ({ id: a.id, balance: a.balanceMinor, blocked: 0 })));
    this.database = new SqlService(sim, sim.addProcess('db', true), db, { ...config.db });
    this.database.register(net, 'db');
    net.overConnection.add('db');
    this.stub = new WithdrawalStub(sim, sim.addProcess('stub', true), { ...config.stub });
    this.stub.register(net, 'stub');
    const router = (this.router = new Router(sim.choice, config.nodes, { ...config.router }));
    this.hosts = config.nodes.map((n) => {
      const proc = sim.addProcess(n.node, true);
      return new DesignHost<ShardedNode>(sim, net, proc, n.node, {
        create: (p) =>
          design.create({
            clock: simClock(sim),
            timers: simTimers(sim, p),
            ids: simIds(p),
            sql: sqlPort(net, p, 'db'),
            withdrawals: {
              submit: (req, t) => net.call(p, 'stub', 'submit', req as unknown as Json, t),
              status: (req, t) => net.call(p, 'stub', 'status', req as unknown as Json, t),
            },
            self: n.node,
            ownerOf: (account) => router.owner(account),
          }),
        start: (node) => node.start(),
        serve: (node, _method, body) => node.transfer(body as never),
        wellFormed: (_m, a) => typeof a === 'object' && a !== null && STATUSES.has((a as TransferAnswer).status),
        timed: new Set(['transfer']),
      });
    });
    const initial = config.accounts.reduce((s, a) => s + a.balanceMinor, 0);
    this.truth = shardedTruth(db, this.stub, initial);
    this.client = new TransferClient(sim, net, clientProc, router, config);
    this.crashes = new CrashPolicy(sim, world.control, config.crash, config.crashes, (p) => this.hosts.find((h) => h.proc === p)?.boot());
    this.crashes.onRestart(this.stub.proc, () => this.stub.restart());
    this.crashes.onRestart(this.database.proc, () => this.database.restart());
    this.crashes.onDown((p) => this.database.disconnect(p.name));
  }

  /** The processes random crashes may strike: the nodes and the withdrawal service. */
  crashable(): SimProcess[] {
    return [...this.hosts.map((h) => h.proc), this.stub.proc];
  }

  start(): void {
    const { sim, control } = this.world;
    // Nodes come up a few milliseconds apart, as separately started processes
    // do, so their polls are not in lockstep.
    this.hosts.forEach((h, i) => sim.schedule(i * NODE_BOOT_STAGGER_MS, control, `boot ${h.proc.name}`, () => h.boot(), null, { phase: 'control' }));
    this.client.scheduleWorkload();
    this.crashes.scheduleTimed(...this.hosts.map((h) => h.proc), this.stub.proc, this.database.proc);
    schedulePartitions(sim, control, this.net, this.input.config.partitions);
  }

  heal(): void {
    this.net.options = withoutFaults(this.net.options);
    this.router.options = withoutFaults(this.router.options);
    this.stub.options = withoutFaults(this.stub.options);
    this.database.options = withoutFaults(this.database.options);
    this.net.partitions.healAll();
    // A database or service down at healing comes back now, like the nodes.
    for (const p of [this.stub.proc, this.database.proc]) if (!p.up) this.world.sim.hooks?.onCrash(p);
  }

  pendingFault(): Finding | null {
    for (const h of this.hosts) if (h.fault !== null) return h.fault;
    return null;
  }

  checkStep(): Finding | null {
    this.noteTerminal();
    return checkShardedStep(this.truth);
  }

  /** Records when each transfer was first seen terminal, for the availability check. */
  private noteTerminal(): void {
    const books = this.truth.books();
    if (books === this.seenBooks) return;
    this.seenBooks = books;
    for (const t of books.transfers) if (TERMINAL_STATES.has(t.state as string) && !this.terminalAtMs.has(t.id as string)) this.terminalAtMs.set(t.id as string, this.world.sim.now);
  }

  drained(): boolean {
    return this.client.busy === 0 && openTransfers(this.truth).length === 0 && this.hosts.every((h) => (h.live()?.heldInMemory().length ?? 0) === 0);
  }

  checkEnd(_quiescent: boolean, why: string): Finding | null {
    const bound = this.input.config.availabilityBoundMs;
    const crashed = new Set(this.hosts.filter((h) => h.proc.crashes > 0).map((h) => h.proc.name));
    const availability = bound === null ? null : checkAvailability(this.client.records, this.terminalAtMs, crashed, (a) => this.router.owner(a), bound);
    return checkShardedEnd(this.truth, this.client.records, why) ?? availability;
  }

  busyWith(): string {
    const held = this.hosts.flatMap((h) => h.live()?.heldInMemory() ?? []);
    return `client busy ${this.client.busy}, transfers open [${openTransfers(this.truth).slice(0, 5).join(', ')}], held in memory [${held.join(', ')}]`;
  }

  figures(): Pick<RunResult, 'latenciesMs' | 'answers' | 'faultsFired' | 'probes'> {
    const answers = this.client.records.filter((r) => r.answer !== null).length;
    return { latenciesMs: this.hosts.flatMap((h) => h.latenciesMs), answers, ...shardedCoverage(this) };
  }
}

export type { ShardedParts };
