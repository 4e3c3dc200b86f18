/**
 * The sharded-transfer system (seed 000) as the CLI and explorers see it:
 * its designs, world options, scenarios, and one-seed runs in a scenario,
 * the swarm or the exhaustive world.
 */
import type { ShardedTransferDesign } from '../../impl/sharded-transfer/contract.ts';
import { naiveDesign } from '../../impl/sharded-transfer/naive/naive-node.ts';
import { referenceDesign } from '../../impl/sharded-transfer/reference/reference-node.ts';
import type { RunResult } from '../run-result.ts';
import { SHARDED_TRANSFER_PROBES } from '../sharded-transfer/coverage.ts';
import { shardedExhaustiveConfig, shardedExhaustiveLabel } from '../sharded-transfer/exhaustive-world.ts';
import { SHARDED_OPTIONS, shardedOptions } from '../sharded-transfer/options.ts';
import { findShardedScenario, shardedScenarios } from '../sharded-transfer/scenario-catalog.ts';
import { drawShardedSwarm } from '../sharded-transfer/swarm.ts';
import { runShardedTransfer } from '../sharded-transfer/world.ts';
import { processIndependence } from '../kit/process-independence.ts';
import { loadSystemDesign } from './design-loader.ts';
import type { RunRequest, SystemDef } from './system-def.ts';

const DESIGNS: readonly ShardedTransferDesign[] = [referenceDesign, naiveDesign];

export const shardedTransferSystem: SystemDef = {
  id: 'sharded-transfer',
  description: 'nodes owning account ranges, the database as the only channel, block -> stage 1 -> stage 2, withdrawals via a stub that forgets (seed 000)',
  status: 'ready',
  designs: DESIGNS.map((d) => ({ name: d.name, description: d.description })),
  defaultDesign: 'reference',
  probes: SHARDED_TRANSFER_PROBES,
  worldOptions: SHARDED_OPTIONS,
  // The client checks each answer against the database's rows and the payees' books.
  independentEvents: processIndependence({ readers: ['client'], truth: ['db', 'stub'] }),
  exhaustiveDefaults: { maxFaults: 1, maxSchedules: 5_000 },
  scenarios: () => shardedScenarios().map((s) => ({ name: s.name, description: s.description, seed: s.seed, expect: s.expect })),
  loadDesign: (nameOrPath) =>
    loadSystemDesign('sharded-transfer', DESIGNS, nameOrPath, [
      { member: 'system', describe: "the string 'sharded-transfer'", type: 'string', equals: 'sharded-transfer' },
      { member: 'name', describe: 'a non-empty string', type: 'string' },
      { member: 'create', describe: 'create(ports), a function returning a node', type: 'function' },
    ]),
  run(request: RunRequest): Promise<RunResult> {
    const design = request.design as ShardedTransferDesign;
    const common = { design, choice: request.choice, seed: request.seed, keepTrace: request.keepTrace, maxSteps: request.maxSteps };
    if (request.scenario !== undefined) {
      const scenario = findShardedScenario(request.scenario);
      if (scenario === undefined) throw new Error(`unknown scenario ${request.scenario}`);
      return runShardedTransfer({ ...common, config: scenario.config(), configLabel: [`scenario ${scenario.name}`] });
    }
    const options = shardedOptions(request.options);
    if (request.world === 'exhaustive') {
      return runShardedTransfer({ ...common, config: shardedExhaustiveConfig(options), configLabel: shardedExhaustiveLabel(options), seedReplays: false });
    }
    const { config, enabled } = drawShardedSwarm(request.choice, options);
    return runShardedTransfer({ ...common, config, configLabel: enabled });
  },
};

