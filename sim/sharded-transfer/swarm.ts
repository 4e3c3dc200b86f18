/**
 * Sharded-transfer's swarm: its fault kinds and what each means for the
 * configuration, and the balances and workload of a seed (transfers within
 * one node and across nodes, withdrawals to payees, racing transfers on one
 * donor, tight balances). Switching kinds on and off and their rates are the
 * kit's (sim/kit/swarm-switches.ts). Every draw comes from the `swarm`
 * stream, so a seed (or a recorded vector) replays its configuration.
 */
import type { ChoiceSource } from '../choice/choice-source.ts';
import { withDbFault, withNetFault } from '../kit/infra-faults.ts';
import { drawSwitches } from '../kit/swarm-switches.ts';
import { calmShardedConfig, type ShardedConfig, type ShardedTransferPlan } from './config.ts';
import type { ShardedOptions } from './options.ts';

export const SHARDED_FAULT_KINDS = [
  'crash',
  'node.outage',
  'stub.restart',
  'stub.fail',
  'db.restart',
  'db.slow',
  'db.connectionDrop',
  'db.lostCommitReply',
  'net.loss',
  'net.duplicate',
  'partition',
  'router.misroute',
] as const;
type Kind = (typeof SHARDED_FAULT_KINDS)[number];
type Pick = (n: number) => number;

const FAULT_PHASE_MS = 10_000;

export function drawShardedSwarm(choice: ChoiceSource, options: ShardedOptions): { config: ShardedConfig; enabled: string[] } {
  const pick: Pick = (n) => choice.choose('data', 'swarm', n);
  const c = calmShardedConfig();
  c.isolation = options.isolation;
  c.stub.mode = options.stubMode;
  const enabled = [`isolation=${options.isolation}`, `stub=${options.stubMode}`];
  enabled.push(...drawSwitches(SHARDED_FAULT_KINDS, pick, (kind, rate) => applyFault(c, kind, rate, pick)));
  const tight = pick(2) === 1;
  for (const a of c.accounts) a.balanceMinor = tight ? 100 * (1 + pick(3)) : 1000;
  if (tight) enabled.push('tight balances');
  c.workload = drawWorkload(c, pick);
  return { config: c, enabled };
}

function applyFault(c: ShardedConfig, kind: Kind, rate: number, pick: Pick): void {
  const at = (): number => 100 * pick(FAULT_PHASE_MS / 100);
  switch (kind) {
    case 'crash':
      c.crash = { ...c.crash, probability: rate / 10, maxCrashes: 1 + pick(4) };
      return;
    case 'node.outage':
      c.crashes.push({ atMs: at(), restartAfterMs: 60_000, process: c.nodes[pick(c.nodes.length)]!.node });
      return;
    case 'stub.restart':
      for (let i = 0; i <= pick(3); i++) c.crashes.push({ atMs: at(), restartAfterMs: 10 + pick(500), process: 'stub' });
      return;
    case 'stub.fail':
      c.stub.failProbability = rate;
      return;
    case 'db.restart':
      c.crashes.push({ atMs: at(), restartAfterMs: 10 + pick(1000), process: 'db' });
      return;
    case 'db.slow':
    case 'db.connectionDrop':
    case 'db.lostCommitReply':
      c.db = withDbFault(c.db, kind, rate);
      return;
    case 'net.loss':
    case 'net.duplicate':
      c.network = withNetFault(c.network, kind, rate);
      return;
    case 'partition': {
      const fromMs = at();
      c.partitions.push({ between: [c.nodes[pick(c.nodes.length)]!.node, 'db'], fromMs, toMs: fromMs + 100 + pick(3000) });
      return;
    }
    case 'router.misroute':
      c.router.misrouteProbability = rate;
  }
}

/** 2 to 8 transfers: internal (same node or another), withdrawals, some starting together from one donor. */
function drawWorkload(c: ShardedConfig, pick: Pick): ShardedTransferPlan[] {
  const n = 2 + pick(7);
  const plans: ShardedTransferPlan[] = [];
  for (let i = 0; i < n; i++) {
    const racing = i > 0 && pick(3) === 0;
    const prev = plans[i - 1];
    const from = racing && prev !== undefined ? prev.from : c.accounts[pick(c.accounts.length)]!.id;
    const targets = [...c.accounts.map((a) => a.id).filter((id) => id !== from), ...c.payees];
    const to = targets[pick(targets.length)]!;
    const atMs = racing && prev !== undefined ? prev.atMs : 50 * pick(100);
    plans.push({ atMs, key: `k${i + 1}`, from, to, amountMinor: 50 * (1 + pick(4)) });
  }
  return plans;
}
