/**
 * The reference fund-investment design holds on a sample of swarm seeds at
 * every isolation level and with each mode of the investor service, with
 * nearly every fault kind firing somewhere; the naive design is caught by
 * the random sweep and, with no fault at all, by the exhaustive explorer's
 * first schedule (two investors racing for the last seat).
 */
import { describe, expect, it } from 'vitest';
import { ISOLATION_LEVELS } from '../../../impl/ports/sql.ts';
import { explore } from '../../../sim/explore/explore.ts';
import { exploreInput } from '../../support/explore-input.ts';
import { FUND_FAULT_KINDS } from '../../../sim/fund-investment/swarm.ts';
import { fundInvestmentSystem } from '../../../sim/systems/fund-investment-system.ts';

const SEEDS = 40;



describe(`fund-investment sweeps (seeds 1..${SEEDS})`, () => {
  for (const isolation of ISOLATION_LEVELS) {
    it(`reference holds at ${isolation}`, async () => {
      const r = await explore({ ...(await exploreInput(fundInvestmentSystem, 'reference', SEEDS, {})), swarmOptions: { isolation, investorMode: 'mixed' } });
      expect(r.kind, r.kind === 'violation' ? r.failures[0]!.violation.message : '').toBe('pass');
      expect(r.answers).toBeGreaterThan(0);
      const fired = Object.entries(r.coverage.faultsFired).filter(([, n]) => n > 0).map(([k]) => k);
      expect(fired.length).toBeGreaterThanOrEqual(FUND_FAULT_KINDS.length - 6);
    });
  }

  for (const investorMode of ['idempotent', 'non-idempotent']) {
    it(`reference holds against a${investorMode === 'idempotent' ? 'n' : ''} ${investorMode} investor service`, async () => {
      const r = await explore({ ...(await exploreInput(fundInvestmentSystem, 'reference', SEEDS, { seedStart: 101 })), swarmOptions: { isolation: 'read-committed', investorMode } });
      expect(r.kind, r.kind === 'violation' ? r.failures[0]!.violation.message : '').toBe('pass');
    });
  }

  it('naive is caught by the random sweep', async () => {
    const r = await explore({ ...(await exploreInput(fundInvestmentSystem, 'naive', SEEDS, {})), swarmOptions: { isolation: 'read-committed', investorMode: 'mixed' } });
    expect(r.kind).toBe('violation');
  });

  it('naive loses the money of the investor who lost the race for the last seat, in the exhaustive world with no faults', async () => {
    const r = await explore({
      ...(await exploreInput(fundInvestmentSystem, 'naive', SEEDS, { strategy: 'exhaustive' })),
      exhaustive: { maxFaults: 0, maxDepth: 10_000, options: { isolation: 'read-committed', investorMode: 'idempotent', investments: 2 }, maxSchedules: 10, sleepSets: true },
    });
    expect(r.kind).toBe('violation');
    if (r.kind === 'violation') expect(r.failures[0]!.violation.invariant).toBe('NoOrphanedMoney');
  });
});
