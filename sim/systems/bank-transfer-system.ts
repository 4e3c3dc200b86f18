/**
 * The bank-transfer system (seeds 001 and 003) as the CLI and explorers see
 * it: built-in designs, scenario files, and one-seed runs.
 */
import type { BankTransferDesign } from '../../impl/bank-transfer/contract.ts';
import { naiveDesign } from '../../impl/bank-transfer/naive/naive-coordinator.ts';
import { referenceDesign } from '../../impl/bank-transfer/reference/index.ts';
import { BANK_TRANSFER_PROBES } from '../bank-transfer/coverage.ts';
import { bankTransferScenarios, findBankTransferScenario } from '../bank-transfer/scenario-catalog.ts';
import { exhaustiveConfig, exhaustiveLabel } from '../bank-transfer/exhaustive-world.ts';
import { drawSwarmConfig } from '../bank-transfer/swarm.ts';
import { runBankTransfer } from '../bank-transfer/world.ts';
import type { RunResult } from '../run-result.ts';
import { loadSystemDesign } from './design-loader.ts';
import type { RunRequest, ScenarioInfo, SystemDef } from './system-def.ts';

const DESIGNS: readonly BankTransferDesign[] = [referenceDesign, naiveDesign];
export const bankTransferSystem: SystemDef = {
  id: 'bank-transfer',
  description: 'external cash-out -> internal credit -> reversal, 200 ms p99 API (seeds 001, 003)',
  status: 'ready',
  designs: DESIGNS.map((d) => ({ name: d.name, description: d.description })),
  defaultDesign: 'reference',
  latencyBudgetP99Ms: 200,
  probes: BANK_TRANSFER_PROBES,
  worldOptions: [
    { name: 'transfers', description: 'presses of the button in the exhaustive workload', kind: 'int', default: 2, min: 1, max: 8, flag: '--workload', shrinkable: true },
    { name: 'externalMode', description: 'whether the institution applies a repeated cash-out again', kind: 'enum', default: 'idempotent', values: ['idempotent', 'non-idempotent'], flag: '--external-mode' },
  ],
  measure: measureBankTransfer,
  independentEvents: bankTransferIndependence,
  scenarios: (): ScenarioInfo[] =>
    bankTransferScenarios().map((s) => ({ name: s.name, description: s.description, seed: s.seed, expect: s.expect })),
  loadDesign: (nameOrPath) =>
    loadSystemDesign('bank-transfer', DESIGNS, nameOrPath, [
      { member: 'name', describe: 'a non-empty string', type: 'string' },
      { member: 'create', shows: 'create(ports)', describe: 'a function', type: 'function' },
      { member: 'durableObligations', shows: 'durableObligations(view)', describe: 'a function', type: 'function' },
    ]),
  run(request: RunRequest): Promise<RunResult> {
    const design = request.design as BankTransferDesign;
    if (request.scenario !== undefined) {
      const scenario = findBankTransferScenario(request.scenario);
      if (scenario === undefined) throw new Error(`unknown scenario ${request.scenario}`);
      return runBankTransfer({ design, config: scenario.config, configLabel: [`scenario ${scenario.name}`], choice: request.choice, seed: request.seed, keepTrace: request.keepTrace, maxSteps: request.maxSteps });
    }
    if (request.world === 'exhaustive') {
      const given = request.options ?? {};
      const options = {
        transfers: Number(given.transfers ?? 2),
        externalMode: given.externalMode === 'non-idempotent' ? 'non-idempotent' : 'idempotent',
      } as const;
      const config = exhaustiveConfig(options);
      return runBankTransfer({ design, config, configLabel: exhaustiveLabel(options), choice: request.choice, seed: request.seed, keepTrace: request.keepTrace, maxSteps: request.maxSteps, seedReplays: false });
    }
    const { config, enabled } = drawSwarmConfig(request.choice);
    return runBankTransfer({ design, config, configLabel: enabled, choice: request.choice, seed: request.seed, keepTrace: request.keepTrace, maxSteps: request.maxSteps });
  },
};

/**
 * Events of different processes commute: each touches only its own
 * process's state (a fake's books, the coordinator's memory and store, the
 * client's history), and what it sends arrives no sooner than the minimum
 * latency. Two exceptions make events dependent: `control` events touch
 * every process, and the client checks each answer against the ledger's
 * books, so client events and ledger events do not commute.
 */
function bankTransferIndependence(a: string, b: string): boolean {
  const pa = a.slice(0, a.indexOf('|'));
  const pb = b.slice(0, b.indexOf('|'));
  if (pa === pb || pa === 'control' || pb === 'control') return false;
  return !((pa === 'mobile' && pb === 'ledger') || (pa === 'ledger' && pb === 'mobile'));
}

/** Transfers the user started (distinct idempotency keys sent), read from a kept trace. */
function measureBankTransfer(result: RunResult): Record<string, number> {
  const keys = new Set<string>();
  for (const e of result.trace) {
    if (e.kind !== 'send' || e.actor !== 'mobile' || !e.text.startsWith('transfer ')) continue;
    const m = /"idempotencyKey":"([^"]*)"/.exec(e.text);
    if (m !== null) keys.add(m[1]!);
  }
  return { transfers: keys.size };
}
