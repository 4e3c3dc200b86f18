/**
 * Every bank-transfer scenario meets its stated expectation for both designs:
 * the reference design survives all of them and the naive design is caught
 * exactly where the scenario says it breaks.
 */
import { describe, expect, it } from 'vitest';
import { checkScenarios } from '../../sim/explore/check-scenarios.ts';
import { bankTransferSystem } from '../../sim/systems/bank-transfer-system.ts';

describe('bank-transfer scenarios', () => {
  it('has at least 10 scenarios with expectations for both designs', () => {
    const scenarios = bankTransferSystem.scenarios();
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    for (const s of scenarios) expect(Object.keys(s.expect).sort()).toEqual(['naive', 'reference']);
    expect(scenarios.filter((s) => !s.expect.naive!.ok).length).toBeGreaterThanOrEqual(6);
  });

  it('meets every expectation', async () => {
    const { checks, problems } = await checkScenarios(bankTransferSystem);
    expect(problems).toEqual([]);
    expect(checks.length).toBe(bankTransferSystem.scenarios().length * 2);
    const unmet = checks.filter((c) => !c.met).map((c) => `${c.scenario} [${c.design}]: got ${JSON.stringify(c.got)} ${c.message}`);
    expect(unmet).toEqual([]);
  });
});
