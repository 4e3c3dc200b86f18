/**
 * Every fund-investment scenario meets its stated expectation for both
 * designs: the reference survives all of them, the naive design is caught
 * exactly where the scenario says it breaks (the race for the last seat, a
 * remittance rejected after the withdrawal, a crash between the commit and
 * the notification, a message handled by two workers, a stale cached
 * balance, the fund service down, a lost withdrawal reply against a
 * non-idempotent service, a lost COMMIT reply, the notification service
 * down).
 */
import { describe, expect, it } from 'vitest';
import { checkScenarios } from '../../sim/explore/check-scenarios.ts';
import { fundInvestmentSystem } from '../../sim/systems/fund-investment-system.ts';

describe('fund-investment scenarios', () => {
  it('has at least 10 scenarios with expectations for both designs', () => {
    const scenarios = fundInvestmentSystem.scenarios();
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    for (const s of scenarios) expect(Object.keys(s.expect).sort()).toEqual(['naive', 'reference']);
    expect(scenarios.filter((s) => !s.expect.naive!.ok).length).toBeGreaterThanOrEqual(8);
  });

  it('meets every expectation', async () => {
    const { checks, problems } = await checkScenarios(fundInvestmentSystem);
    expect(problems).toEqual([]);
    expect(checks.length).toBe(fundInvestmentSystem.scenarios().length * 2);
    const unmet = checks.filter((c) => !c.met).map((c) => `${c.scenario} [${c.design}]: got ${JSON.stringify(c.got)} ${c.message}`);
    expect(unmet).toEqual([]);
  });
});
