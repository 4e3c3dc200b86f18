/**
 * Sharded-transfer's built-in scenarios: each a configuration built from the
 * calm world plus the one fault it is about, a seed, and the outcome each
 * built-in design must give. `moneysim scenarios sharded-transfer` runs them
 * and fails if any outcome differs.
 */
import type { ScenarioExpectation } from '../systems/system-def.ts';
import { calmShardedConfig, type ShardedConfig } from './config.ts';

export interface ShardedScenario {
  name: string;
  description: string;
  seed: number;
  config: () => ShardedConfig;
  expect: Record<string, ScenarioExpectation>;
}

const OK = { ok: true };
export const fails = (invariant: string): ScenarioExpectation => ({ ok: false, invariant });

/** The calm world with `edit` applied. */
function world(edit: (c: ShardedConfig) => void): () => ShardedConfig {
  return () => {
    const c = calmShardedConfig();
    edit(c);
    return c;
  };
}

const SCENARIOS: readonly ShardedScenario[] = [
  {
    name: 'happy-path',
    description: 'a transfer within one node, one across nodes and a withdrawal, no faults',
    seed: 1,
    config: world((c) => {
      c.workload = [
        { atMs: 0, key: 'k1', from: 'acct-1', to: 'acct-2', amountMinor: 100 },
        { atMs: 0, key: 'k2', from: 'acct-3', to: 'acct-5', amountMinor: 200 },
        { atMs: 0, key: 'k3', from: 'acct-6', to: 'payee-1', amountMinor: 300 },
      ];
    }),
    expect: { reference: OK, naive: OK },
  },
];

export function shardedScenarios(): readonly ShardedScenario[] {
  return SCENARIOS;
}

export function findShardedScenario(name: string): ShardedScenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
