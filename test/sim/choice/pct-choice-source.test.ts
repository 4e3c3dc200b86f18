/**
 * PCT for a timed world: priorities order simultaneous events and message
 * latencies, change points demote one message, every other draw is the
 * random source's, runs are deterministic per seed and replay from their
 * logged choices, and a planted race is found within a pinned budget.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceDesign } from '../../../impl/bank-transfer/reference/index.ts';
import { PctChoiceSource } from '../../../sim/choice/pct-choice-source.ts';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { replayRecipe } from '../../../sim/explore/run-recipe.ts';
import { sourceFor, sweepSeeds } from '../../../sim/explore/seed-sweep.ts';
import { bankTransferSystem } from '../../../sim/systems/bank-transfer-system.ts';
import { design as splitAdmission } from '../../fixtures/pct/split-admission.ts';
import { design as statusBeforeExpiry } from '../../fixtures/pct/status-before-expiry.ts';

const candidate = (proc: string, label = 'ev') => ({ proc: { name: proc }, label });
const FC_SEED = Number(process.env.TEST_SEED ?? 99);

describe('PctChoiceSource', () => {
  it('without change points always picks the same thread while it is due', () => {
    const pct = new PctChoiceSource(7, 1, 50);
    const a = candidate('a');
    const b = candidate('b');
    const first = pct.choose('schedule', 'schedule', 2, undefined, [a, b]);
    const winner = [a, b][first]!;
    for (let i = 0; i < 20; i++) {
      const order = i % 2 === 0 ? [a, b] : [b, a];
      expect(order[pct.choose('schedule', 'schedule', 2, undefined, order)]).toBe(winner);
    }
  });

  it('gives every message of a thread the same latency, and the higher-priority thread the shorter one', () => {
    console.log(`fast-check seed ${FC_SEED}`);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const pct = new PctChoiceSource(seed, 1, 50);
        const [a, b] = [candidate('api', 'store ack'), candidate('external', 'request cashOut')];
        const latencyOf = (thread: typeof a): number => {
          pct.noteDispatch(thread);
          return pct.choose('data', 'net.latency', 11);
        };
        const [la, lb] = [latencyOf(a), latencyOf(b)];
        expect(latencyOf(a)).toBe(la);
        expect(latencyOf(b)).toBe(lb);
        const high = [a, b][pct.choose('schedule', 'schedule', 2, undefined, [a, b])]!;
        expect(high === a ? la <= lb : lb <= la).toBe(true);
      }),
      { seed: FC_SEED, numRuns: 200 },
    );
  });

  it('demotes the message at a change point: latest latency, held back, slow', () => {
    // depth 2 with one step: the single change point is the first message.
    const pct = new PctChoiceSource(5, 2, 1);
    pct.noteDispatch(candidate('api', 'store ack'));
    expect(pct.choose('fault', 'net.late', 3, 0.01)).toBe(1);
    expect(pct.choose('data', 'net.latency', 11)).toBe(10);
    expect(pct.choose('fault', 'net.slow', 2, 0.01)).toBe(1);
    pct.choose('data', 'net.latency', 301);
    // The next message is not demoted: it is never held back at a zero-ish rate.
    expect(pct.choose('fault', 'net.late', 3, 1e-12)).toBe(0);
    expect(pct.log.values.length).toBe(5);
  });

  it('draws the world, the workload and other faults exactly as the random source of the same seed', () => {
    const pct = new PctChoiceSource(42, 3, 50);
    const random = new RandomChoiceSource(42);
    for (let i = 0; i < 50; i++) {
      expect(pct.choose('data', 'swarm', 7)).toBe(random.choose('data', 'swarm', 7));
      expect(pct.choose('fault', 'net.loss', 2, 0.3)).toBe(random.choose('fault', 'net.loss', 2, 0.3));
    }
  });

  it('bank-transfer runs under PCT are deterministic and replay from their logged choices to the same trace hash', async () => {
    console.log(`fast-check seed ${FC_SEED}`);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(referenceDesign, statusBeforeExpiry), async (seed, design) => {
        const run = () => bankTransferSystem.run({ design, seed, choice: new PctChoiceSource(seed, 3, 50), keepTrace: false });
        const a = await run();
        const b = await run();
        const replayed = await replayRecipe(bankTransferSystem, design, { seed, world: 'swarm', choices: [...a.choices] }, false);
        expect(b.traceHash).toBe(a.traceHash);
        expect(replayed.traceHash).toBe(a.traceHash);
        expect(replayed.kind).toBe(a.kind);
      }),
      { numRuns: 25, seed: FC_SEED },
    );
  });

  it('finds the split-admission race within seeds 1..200 (depth 3, 50 steps) on a seed the reference passes', async () => {
    const strategy = { kind: 'pct' as const, depth: 3, stepsEstimate: 50 };
    let from = 1;
    let found: number | null = null;
    while (found === null && from <= 200) {
      const out = await sweepSeeds({ system: bankTransferSystem, design: splitAdmission, strategy, seedStart: from, seeds: 201 - from, shard: null, stopAtFirst: true });
      const failure = out.failures[0];
      if (failure === undefined) break;
      const reference = await bankTransferSystem.run({ design: referenceDesign, seed: failure.seed, choice: sourceFor(strategy, failure.seed), keepTrace: false });
      if (reference.kind === 'pass') found = failure.seed;
      from = failure.seed + 1;
    }
    console.log(`pct found split-admission at seed ${found} of 1..200`);
    expect(found).not.toBeNull();
  });
});
