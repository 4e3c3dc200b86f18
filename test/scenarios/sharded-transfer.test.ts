/**
 * Every sharded-transfer scenario meets its stated expectation for both
 * designs: the reference survives all of them, the naive design is caught
 * exactly where the scenario says it breaks (the seed's gray area, the
 * racing donor at read committed, duplicated stages, lost commit replies,
 * a double payout).
 */
import { describe, expect, it } from 'vitest';
import { checkScenarios } from '../../sim/explore/check-scenarios.ts';
import { shardedTransferSystem } from '../../sim/systems/sharded-transfer-system.ts';

describe('sharded-transfer scenarios', () => {
  it('has at least 10 scenarios with expectations for both designs', () => {
    const scenarios = shardedTransferSystem.scenarios();
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    for (const s of scenarios) expect(Object.keys(s.expect).sort()).toEqual(['naive', 'reference']);
    expect(scenarios.filter((s) => !s.expect.naive!.ok).length).toBeGreaterThanOrEqual(5);
  });

  it('meets every expectation', async () => {
    const { checks, problems } = await checkScenarios(shardedTransferSystem);
    expect(problems).toEqual([]);
    expect(checks.length).toBe(shardedTransferSystem.scenarios().length * 2);
    const unmet = checks.filter((c) => !c.met).map((c) => `${c.scenario} [${c.design}]: got ${JSON.stringify(c.got)} ${c.message}`);
    expect(unmet).toEqual([]);
  });
});
