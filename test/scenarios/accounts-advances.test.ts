/**
 * Every accounts-advances scenario meets its stated expectation for both
 * designs: the reference survives all of them; the naive design is caught
 * exactly where the scenario says it breaks (the crash between the debit
 * and the payment row, a task delivered twice, a worker stalling past its
 * lease, a live report paged by number, float amounts, bad input, racing
 * transfers at read committed, an advance 12 does not divide, lost replies
 * between the services, the beat down at a tick) and passes the rest.
 */
import { describe, expect, it } from 'vitest';
import { checkScenarios } from '../../sim/explore/check-scenarios.ts';
import { accountsAdvancesSystem } from '../../sim/systems/accounts-advances-system.ts';

describe('accounts-advances scenarios', () => {
  it('has at least 10 scenarios with expectations for both designs', () => {
    const scenarios = accountsAdvancesSystem.scenarios();
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    for (const s of scenarios) expect(Object.keys(s.expect).sort()).toEqual(['naive', 'reference']);
    expect(scenarios.filter((s) => !s.expect.naive!.ok).length).toBeGreaterThanOrEqual(8);
  });

  it('meets every expectation', async () => {
    const { checks, problems } = await checkScenarios(accountsAdvancesSystem);
    expect(problems).toEqual([]);
    expect(checks.length).toBe(accountsAdvancesSystem.scenarios().length * 2);
    const unmet = checks.filter((c) => !c.met).map((c) => `${c.scenario} [${c.design}]: got ${JSON.stringify(c.got)} ${c.message}`);
    expect(unmet).toEqual([]);
  }, 30_000);
});
