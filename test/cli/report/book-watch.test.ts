/**
 * Watching the fakes' books changes nothing about a run (same trace hash),
 * always unhooks itself, and yields balances that are placed at the right
 * steps: in the naive design's shrunk NoOrphanedMoney run, the money in
 * transit steps up at the violating step and the books add up at every
 * point.
 */
import { describe, expect, it } from 'vitest';
import { decodeChoices } from '../../../sim/choice/choice-vector-codec.ts';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { replayRecipe } from '../../../sim/explore/run-recipe.ts';
import { ExternalInstitution } from '../../../sim/fakes/external-institution.ts';
import { InternalLedger } from '../../../sim/fakes/internal-ledger.ts';
import { bankTransferSystem } from '../../../sim/systems/bank-transfer-system.ts';
import { watchBooks } from '../../../cli/report/book-watch.ts';
import { truthSeries } from '../../../cli/report/truth-series.ts';

/** The naive design's shrunk NoOrphanedMoney failure of seed 1, as `explore --design naive` prints it. */
const SHRUNK = '0*6.1.0*d.1.0*n.1~58';

async function naive(): Promise<unknown> {
  const loaded = await bankTransferSystem.loadDesign('naive');
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.design;
}

describe('watchBooks', () => {
  it('leaves runs unchanged: the same trace hash watched and unwatched, over many seeds', async () => {
    const design = await naive();
    for (let seed = 1; seed <= 40; seed++) {
      const run = () => bankTransferSystem.run({ design, seed, choice: new RandomChoiceSource(seed), keepTrace: true });
      const plain = await run();
      const { value: watched, books } = await watchBooks(run);
      expect(watched.traceHash, `seed ${seed}`).toBe(plain.traceHash);
      expect(truthSeries(watched.trace, books).kind === 'series' || books.initialExternal === null, `seed ${seed}`).toBe(true);
    }
  });

  it('unhooks the fakes afterwards, also when the run throws', async () => {
    const external = ExternalInstitution.prototype.handle;
    const ledger = InternalLedger.prototype.handle;
    await expect(watchBooks(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(ExternalInstitution.prototype.handle).toBe(external);
    expect(InternalLedger.prototype.handle).toBe(ledger);
  });

  it('places the books at their steps: money in transit steps up at the violating step of the naive failure', async () => {
    const decoded = decodeChoices(SHRUNK);
    if (!decoded.ok) throw new Error(decoded.message);
    const design = await naive();
    const watched = await watchBooks(() => replayRecipe(bankTransferSystem, design, { seed: 1, world: 'swarm', choices: decoded.values }, true));
    const r = watched.value;
    expect(r.kind).toBe('violation');
    if (r.kind !== 'violation') return;
    expect(r.violation.invariant).toBe('NoOrphanedMoney');
    const truth = truthSeries(r.trace, watched.books);
    expect(truth.kind).toBe('series');
    if (truth.kind !== 'series') return;
    const { points, initialTotalMinor } = truth.series;
    const last = points[points.length - 1]!;
    expect(last.step).toBe(r.violation.step);
    expect(last.inTransitMinor).toBeGreaterThan(points[points.length - 2]!.inTransitMinor);
    expect(last.cause).toBe('api => external request cashOut');
    for (const p of points) {
      const sum = (b: Record<string, number>): number => Object.values(b).reduce((a, v) => a + v, 0);
      expect(sum(p.external) + sum(p.internal) + p.inTransitMinor).toBe(initialTotalMinor);
    }
  });

  it('says why there is no chart when the watched books do not match the trace', () => {
    const outcome = truthSeries([], { initialExternal: { a: 1 }, copies: [{ service: 'external', external: { a: 0 }, internal: {} }] });
    expect(outcome).toEqual({ kind: 'none', reason: 'the trace shows 0 requests reaching the fakes, but 1 were watched; the books cannot be placed in time' });
  });
});
