/**
 * The reference sharded-transfer design holds at every isolation level on a
 * sample of swarm seeds, with every fault kind firing somewhere; the naive
 * design is caught at read committed by the random sweep and, with no
 * faults at all, by the exhaustive explorer's first schedule.
 */
import { describe, expect, it } from 'vitest';
import { ISOLATION_LEVELS } from '../../../impl/ports/sql.ts';
import { explore } from '../../../sim/explore/explore.ts';
import { exploreInput } from '../../support/explore-input.ts';
import { shardedTransferSystem } from '../../../sim/systems/sharded-transfer-system.ts';
import { SHARDED_FAULT_KINDS } from '../../../sim/sharded-transfer/swarm.ts';

const SEEDS = 60;



describe(`sharded-transfer across isolation levels (seeds 1..${SEEDS})`, () => {
  for (const isolation of ISOLATION_LEVELS) {
    it(`reference holds at ${isolation}`, async () => {
      const r = await explore({ ...(await exploreInput(shardedTransferSystem, 'reference', SEEDS, {})), swarmOptions: { isolation, stubMode: 'stateless' } });
      expect(r.kind, r.kind === 'violation' ? r.failures[0]!.violation.message : '').toBe('pass');
      expect(r.answers).toBeGreaterThan(0);
      const fired = Object.entries(r.coverage.faultsFired).filter(([, n]) => n > 0).map(([k]) => k);
      expect(fired.length).toBeGreaterThanOrEqual(SHARDED_FAULT_KINDS.length - 3);
    });
  }

  it('naive is caught at read committed by the random sweep', async () => {
    const r = await explore({ ...(await exploreInput(shardedTransferSystem, 'naive', SEEDS, {})), swarmOptions: { isolation: 'read-committed', stubMode: 'stateless' } });
    expect(r.kind).toBe('violation');
  });

  it('naive overdraws the racing donor in the exhaustive world with no faults', async () => {
    const r = await explore({
      ...(await exploreInput(shardedTransferSystem, 'naive', SEEDS, { strategy: 'exhaustive' })),
      exhaustive: { maxFaults: 0, maxDepth: 10_000, options: { isolation: 'read-committed', stubMode: 'stateless', transfers: 2 }, maxSchedules: 10, sleepSets: true },
    });
    expect(r.kind).toBe('violation');
    if (r.kind === 'violation') expect(r.failures[0]!.violation.invariant).toBe('BlocksMatchTransfers');
  });
});
