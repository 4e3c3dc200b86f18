/**
 * PCT scheduling: deterministic per seed, replayable from its logged
 * choices, and strict about priorities between change points.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PctChoiceSource } from '../../../sim/choice/pct-choice-source.ts';
import { ReplayChoiceSource } from '../../../sim/choice/replay-choice-source.ts';
import { bankTransferSystem } from '../../../sim/systems/bank-transfer-system.ts';

const candidate = (proc: string, label = 'ev') => ({ proc: { name: proc }, label });

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

  it('a bank-transfer run under PCT replays from its logged choices to the same trace hash', async () => {
    const design = (await bankTransferSystem.loadDesign('naive')) as { ok: true; design: unknown };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), async (seed) => {
        const run = (choice: PctChoiceSource | ReplayChoiceSource) => bankTransferSystem.run({ design: design.design, seed, choice, keepTrace: false });
        const a = await run(new PctChoiceSource(seed, 3, 50));
        const b = await run(new PctChoiceSource(seed, 3, 50));
        const replayed = await run(new ReplayChoiceSource(a.choices));
        expect(b.traceHash).toBe(a.traceHash);
        expect(replayed.traceHash).toBe(a.traceHash);
      }),
      { numRuns: 25, seed: 99 },
    );
    console.log('fast-check seed 99');
  });
});
