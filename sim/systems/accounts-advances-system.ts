/**
 * The accounts-advances system (seed 004) as the CLI and explorers see it:
 * its designs, world options, scenarios, and one-seed runs in a scenario,
 * the swarm or the exhaustive world.
 */
import type { AccountsAdvancesDesign } from '../../impl/accounts-advances/contract.ts';
import { naiveDesign } from '../../impl/accounts-advances/naive/naive-design.ts';
import { referenceDesign } from '../../impl/accounts-advances/reference/reference-design.ts';
import { ACCOUNTS_ADVANCES_PROBES } from '../accounts-advances/coverage.ts';
import { advancesExhaustiveConfig, advancesExhaustiveLabel } from '../accounts-advances/exhaustive-world.ts';
import { ADVANCES_OPTIONS, advancesOptions } from '../accounts-advances/options.ts';
import { advancesScenarios, findAdvancesScenario } from '../accounts-advances/scenario-catalog.ts';
import { drawAdvancesSwarm } from '../accounts-advances/swarm.ts';
import { runAccountsAdvances } from '../accounts-advances/world.ts';
import type { RunResult } from '../run-result.ts';
import { loadSystemDesign } from './design-loader.ts';
import type { RunRequest, SystemDef } from './system-def.ts';

const DESIGNS: readonly AccountsAdvancesDesign[] = [referenceDesign, naiveDesign];

export const accountsAdvancesSystem: SystemDef = {
  id: 'accounts-advances',
  description: 'transfers that never go negative, a 5-day report paged over a snapshot, advances repaid over 12 weeks by exclusive workers (seed 004)',
  status: 'ready',
  designs: DESIGNS.map((d) => ({ name: d.name, description: d.description })),
  defaultDesign: 'reference',
  probes: ACCOUNTS_ADVANCES_PROBES,
  worldOptions: ADVANCES_OPTIONS,
  independentEvents: (a, b) => advancesIndependence(a, b),
  exhaustiveDefaults: { maxFaults: 1, maxSchedules: 2_000 },
  scenarios: () => advancesScenarios().map((s) => ({ name: s.name, description: s.description, seed: s.seed, expect: s.expect })),
  loadDesign: (nameOrPath) =>
    loadSystemDesign('accounts-advances', DESIGNS, nameOrPath, [
      { member: 'system', describe: "the string 'accounts-advances'", type: 'string', equals: 'accounts-advances' },
      { member: 'name', describe: 'a non-empty string', type: 'string' },
      { member: 'accounts', describe: 'accounts(ports), a function returning the accounts manager', type: 'function', shows: 'accounts(ports)' },
      { member: 'advances', describe: 'advances(ports), a function returning the advances API', type: 'function', shows: 'advances(ports)' },
      { member: 'beat', describe: 'beat(ports), a function returning the beat', type: 'function', shows: 'beat(ports)' },
      { member: 'worker', describe: 'worker(ports), a function returning a worker', type: 'function', shows: 'worker(ports)' },
    ]),
  run(request: RunRequest): Promise<RunResult> {
    const design = request.design as AccountsAdvancesDesign;
    const common = { design, choice: request.choice, seed: request.seed, keepTrace: request.keepTrace, maxSteps: request.maxSteps };
    if (request.scenario !== undefined) {
      const scenario = findAdvancesScenario(request.scenario);
      if (scenario === undefined) throw new Error(`unknown scenario ${request.scenario}`);
      return runAccountsAdvances({ ...common, config: scenario.config(), configLabel: [`scenario ${scenario.name}`] });
    }
    const options = advancesOptions(request.options);
    if (request.world === 'exhaustive') {
      return runAccountsAdvances({ ...common, config: advancesExhaustiveConfig(options), configLabel: advancesExhaustiveLabel(options), seedReplays: false });
    }
    const { config, enabled } = drawAdvancesSwarm(request.choice, options);
    return runAccountsAdvances({ ...common, config, configLabel: enabled });
  },
};

/**
 * Events of different processes commute when neither is a control event
 * and neither reads what the other writes: a design process's event changes
 * its own memory and sends messages, whose arrivals are ordered by their
 * own schedule choices. The client judges report pages against the
 * databases' commits, so client events depend on database events; the
 * broker's deliveries depend on each other; two autocommit reads of one
 * database commute.
 */
export function advancesIndependence(a: string, b: string): boolean {
  const pa = a.slice(0, a.indexOf('|'));
  const pb = b.slice(0, b.indexOf('|'));
  if (pa === pb) return pa.endsWith('-db') && a.includes('|request query from ') && b.includes('|request query from ');
  if (pa === 'control' || pb === 'control') return false;
  const truth = (p: string): boolean => p.endsWith('-db');
  return !((pa === 'client' && truth(pb)) || (pb === 'client' && truth(pa)));
}
