/**
 * The fund-investment system (seed 002) as the CLI and explorers see it:
 * its designs, world options, scenarios, and one-seed runs in a scenario,
 * the swarm or the exhaustive world.
 */
import type { FundInvestmentDesign } from '../../impl/fund-investment/contract.ts';
import { naiveDesign } from '../../impl/fund-investment/naive/naive-node.ts';
import { referenceDesign } from '../../impl/fund-investment/reference/reference-node.ts';
import { FUND_INVESTMENT_PROBES } from '../fund-investment/coverage.ts';
import { fundExhaustiveConfig, fundExhaustiveLabel } from '../fund-investment/exhaustive-world.ts';
import { FUND_OPTIONS, fundOptions } from '../fund-investment/options.ts';
import { findFundScenario, fundScenarios } from '../fund-investment/scenario-catalog.ts';
import { drawFundSwarm } from '../fund-investment/swarm.ts';
import { runFundInvestment } from '../fund-investment/world.ts';
import type { RunResult } from '../run-result.ts';
import { processIndependence } from '../kit/process-independence.ts';
import { loadSystemDesign } from './design-loader.ts';
import type { RunRequest, SystemDef } from './system-def.ts';

const DESIGNS: readonly FundInvestmentDesign[] = [referenceDesign, naiveDesign];

export const fundInvestmentSystem: SystemDef = {
  id: 'fund-investment',
  description: 'investor withdrawal -> fund remittance, fund criteria, a stale balance cache, an at-least-once queue, exactly-once notifications (seed 002)',
  status: 'ready',
  designs: DESIGNS.map((d) => ({ name: d.name, description: d.description })),
  defaultDesign: 'reference',
  probes: FUND_INVESTMENT_PROBES,
  worldOptions: FUND_OPTIONS,
  independentEvents: (a, b) => fundIndependence(a, b),
  exhaustiveDefaults: { maxFaults: 1, maxSchedules: 3_000 },
  scenarios: () => fundScenarios().map((s) => ({ name: s.name, description: s.description, seed: s.seed, expect: s.expect })),
  loadDesign: (nameOrPath) =>
    loadSystemDesign('fund-investment', DESIGNS, nameOrPath, [
      { member: 'system', describe: "the string 'fund-investment'", type: 'string', equals: 'fund-investment' },
      { member: 'name', describe: 'a non-empty string', type: 'string' },
      { member: 'create', describe: 'create(ports), a function returning a node', type: 'function' },
    ]),
  run(request: RunRequest): Promise<RunResult> {
    const design = request.design as FundInvestmentDesign;
    const common = { design, choice: request.choice, seed: request.seed, keepTrace: request.keepTrace, maxSteps: request.maxSteps };
    if (request.scenario !== undefined) {
      const scenario = findFundScenario(request.scenario);
      if (scenario === undefined) throw new Error(`unknown scenario ${request.scenario}`);
      return runFundInvestment({ ...common, config: scenario.config(), configLabel: [`scenario ${scenario.name}`] });
    }
    const options = fundOptions(request.options);
    if (request.world === 'exhaustive') {
      return runFundInvestment({ ...common, config: fundExhaustiveConfig(options), configLabel: fundExhaustiveLabel(options), seedReplays: false });
    }
    const { config, enabled } = drawFundSwarm(request.choice, options);
    return runFundInvestment({ ...common, config, configLabel: enabled });
  },
};

/**
 * Events of different processes commute when neither reads what the other
 * writes (see the kit's processIndependence): the client checks each answer
 * against the books of the database and of the investor, fund and
 * notification services, and the investor service tells the cache of every
 * change of a balance.
 */
export const fundIndependence = processIndependence({
  readers: ['client'],
  truth: ['db', 'investors', 'funds', 'notifications'],
  pairs: [['investors', 'cache']],
});
