/**
 * The reference design's promise, as a property: whatever world a seed draws
 * (fault kinds and rates, institution mode, workload), no invariant fails and
 * every transfer answer comes within the 200 ms budget.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceDesign } from '../../../impl/bank-transfer/reference/index.ts';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { bankTransferSystem } from '../../../sim/systems/bank-transfer-system.ts';
import { testSeed } from '../../model/seed.ts';

describe('reference bank-transfer design', () => {
  it('holds every invariant and answers within budget for any seed', async () => {
    const seed = testSeed('reference any seed');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (worldSeed) => {
        const r = await bankTransferSystem.run({
          design: referenceDesign,
          seed: worldSeed,
          choice: new RandomChoiceSource(worldSeed),
          keepTrace: false,
        });
        const detail = r.kind === 'violation' ? `${r.violation.invariant}: ${r.violation.message} (replay --seed ${worldSeed})` : '';
        expect(detail).toBe('');
        for (const ms of r.latenciesMs) expect(ms).toBeLessThanOrEqual(200);
      }),
      { seed, numRuns: 400 },
    );
  }, 60_000);
});
