/**
 * Exhaustive exploration and shrinking on bank-transfer: the naive design's
 * bug classes are all found within two faults and two transfers, each shrunk
 * to at most two transfers and no more faults than found, and replayable to
 * the same invariant and trace; the reference design exhausts the same space;
 * random and exhaustive exploration name the same violation kinds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { explore } from '../../../sim/explore/explore.ts';
import { replayRecipe, trimChoices } from '../../../sim/explore/run-recipe.ts';
import { shrink } from '../../../sim/explore/shrink.ts';
import { bankTransferSystem } from '../../../sim/systems/bank-transfer-system.ts';
import { designOf, exploreInput } from './explore-support.ts';

describe('exhaustive exploration and shrinking', () => {
  it('naive: finds every bug class within 2 faults and 2 transfers, shrunk and exactly replayable', async () => {
    const result = await explore(await exploreInput('naive', { strategy: 'exhaustive' }));
    expect(result.kind).toBe('violation');
    if (result.kind !== 'violation') return;
    expect(result.exhausted).toBe(true);
    expect(result.failures.map((f) => f.violation.invariant).sort()).toEqual(['NoMoneyCreated', 'NoOrphanedMoney', 'NoOverdraft']);
    const design = await designOf('naive');
    for (const f of result.failures) {
      expect(f.shrunk.sizes.transfers).toBeLessThanOrEqual(2);
      expect(f.shrunk.sizes.faults).toBeLessThanOrEqual(f.found.sizes.faults!);
      expect(f.shrunk.sizes.choices).toBeLessThanOrEqual(f.found.sizes.choices!);
      const again = await replayRecipe(bankTransferSystem, design, f.shrunk.recipe, true);
      expect(again.traceHash).toBe(f.shrunk.run.traceHash);
      expect(again.kind === 'violation' && again.violation.invariant).toBe(f.violation.invariant);
    }
  });

  it('reference: every schedule within 2 faults and 2 transfers holds, and the space is exhausted', async () => {
    const result = await explore(await exploreInput('reference', { strategy: 'exhaustive' }));
    expect(result.kind).toBe('pass');
    expect(result.exhausted).toBe(true);
    expect(result.schedules).toBeGreaterThan(1000);
  }, 60_000);

  it('a schedule limit below the space size reports the space as not exhausted', async () => {
    const result = await explore(await exploreInput('reference', { strategy: 'exhaustive', exhaustive: { maxFaults: 2, maxDepth: 10_000, options: { transfers: 2, externalMode: 'idempotent' }, maxSchedules: 50, sleepSets: true } }));
    expect(result.schedules).toBe(50);
    expect(result.exhausted).toBe(false);
  });

  it('sleep sets run fewer schedules but find the same violation kinds and hit the same probes', async () => {
    const bounds = { maxFaults: 1, maxDepth: 10_000, options: { transfers: 3, externalMode: 'idempotent' }, maxSchedules: 1_000_000 };
    const pruned = await explore(await exploreInput('naive', { strategy: 'exhaustive', shrinkRuns: 0, exhaustive: { ...bounds, sleepSets: true } }));
    const full = await explore(await exploreInput('naive', { strategy: 'exhaustive', shrinkRuns: 0, exhaustive: { ...bounds, sleepSets: false } }));
    const kinds = (r: typeof full) => (r.kind === 'violation' ? r.failures.map((f) => f.violation.invariant).sort() : []);
    const hit = (r: typeof full) => Object.entries(r.coverage.probes).filter(([, v]) => v > 0).map(([k]) => k);
    expect(pruned.exhausted && full.exhausted).toBe(true);
    expect(pruned.schedules).toBeLessThan(full.schedules);
    expect(kinds(pruned)).toEqual(kinds(full));
    expect(hit(pruned)).toEqual(hit(full));
  });

  it('random and exhaustive report the same money violation kinds on the naive design', async () => {
    const random = await explore(await exploreInput('naive', { seeds: 2000, shrinkRuns: 0 }));
    const exhaustive = await explore(await exploreInput('naive', { strategy: 'exhaustive', shrinkRuns: 0 }));
    const kinds = (r: typeof random) => (r.kind === 'violation' ? r.failures.map((f) => f.violation.invariant).sort() : []);
    // Both find the three money classes. Random also names ExactlyOncePerKey: a key moved twice
    // after a lost answer; in the exhaustive world, whose balances hold one transfer, the same
    // double movement overdraws first and is reported as NoOverdraft.
    expect(kinds(exhaustive)).toEqual(['NoMoneyCreated', 'NoOrphanedMoney', 'NoOverdraft']);
    expect(kinds(random)).toEqual(['ExactlyOncePerKey', ...kinds(exhaustive)]);
  });

  it('shrinking a random failure keeps its invariant and never grows the vector (property over failing seeds)', async () => {
    const design = await designOf('naive');
    const failing: Array<{ seed: number; invariant: string; choices: number[] }> = [];
    for (let seed = 1; failing.length < 40 && seed < 2000; seed++) {
      const r = await bankTransferSystem.run({ design, seed, choice: new RandomChoiceSource(seed), keepTrace: false });
      if (r.kind === 'violation') failing.push({ seed, invariant: r.violation.invariant, choices: r.choices });
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...failing), async (f) => {
        console.log(`shrinking naive seed ${f.seed} (${f.invariant})`);
        const out = await shrink({ system: bankTransferSystem, design, recipe: { seed: f.seed, world: 'swarm', choices: f.choices }, invariant: f.invariant, maxRuns: 300 });
        expect(out.recipe.choices.length).toBeLessThanOrEqual(trimChoices(f.choices).length);
        const replayed = await replayRecipe(bankTransferSystem, design, out.recipe, false);
        expect(replayed.kind === 'violation' && replayed.violation.invariant).toBe(f.invariant);
      }),
      { numRuns: 6, seed: 17 },
    );
  }, 60_000);
});
