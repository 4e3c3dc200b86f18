/**
 * Same code + same seed ⇒ byte-identical trace. Runs 200 seeds of each
 * design twice, in a different order the second time, and compares trace
 * hashes; also checks that a run's recorded choices replay to the same hash.
 */
import { describe, expect, it } from 'vitest';
import { naiveDesign } from '../../../impl/bank-transfer/naive/naive-coordinator.ts';
import { referenceDesign } from '../../../impl/bank-transfer/reference/index.ts';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { ReplayChoiceSource } from '../../../sim/choice/replay-choice-source.ts';
import { bankTransferSystem } from '../../../sim/systems/bank-transfer-system.ts';

const SEEDS = 200;
const FIRST_SEED = 1;

async function hashes(design: unknown, seeds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const seed of seeds) {
    const r = await bankTransferSystem.run({ design, seed, choice: new RandomChoiceSource(seed), keepTrace: false });
    out.set(seed, r.traceHash);
  }
  return out;
}

describe('determinism', () => {
  for (const design of [referenceDesign, naiveDesign]) {
    it(`${design.name}: ${SEEDS} seeds twice give the same trace hashes`, async () => {
      console.log(`[determinism ${design.name}] seeds ${FIRST_SEED}..${FIRST_SEED + SEEDS - 1}`);
      const seeds = Array.from({ length: SEEDS }, (_, i) => FIRST_SEED + i);
      const first = await hashes(design, seeds);
      const second = await hashes(design, [...seeds].reverse());
      for (const seed of seeds) expect(second.get(seed), `seed ${seed}`).toBe(first.get(seed));
      // Different seeds must give different runs, or the hash is not looking at anything.
      expect(new Set(first.values()).size).toBeGreaterThan(SEEDS * 0.9);
    }, 120_000);
  }

  it('a recorded choice vector replays to the same trace hash without the seed', async () => {
    for (const seed of [3, 17, 42]) {
      const original = await bankTransferSystem.run({ design: naiveDesign, seed, choice: new RandomChoiceSource(seed), keepTrace: true });
      const replayed = await bankTransferSystem.run({ design: naiveDesign, seed, choice: new ReplayChoiceSource(original.choices), keepTrace: true });
      expect(replayed.traceHash).toBe(original.traceHash);
      expect(replayed.trace).toEqual(original.trace);
    }
  });
});
