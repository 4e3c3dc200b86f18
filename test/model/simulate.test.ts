/**
 * Simulation mode: seeded walks are reproducible, respect the depth bound,
 * and find the seed exercise's overdraft.
 */
import { describe, expect, it } from 'vitest';
import { checkModel, model } from './run-model.ts';

describe('simulation', () => {
  const mode = (seed: string, depth: number, walks: number) => ({ kind: 'simulate' as const, seed, depth, walks });

  it('finds the seed exercise overdraft and replays it from the seed', () => {
    const def = model('bank-transfer/seed-exercise');
    console.log('[simulate] seed "s1"');
    const a = checkModel(def, [], { mode: mode('s1', 20, 200) });
    const b = checkModel(def, [], { mode: mode('s1', 20, 200) });
    expect(a.kind).toBe('violation');
    expect(JSON.stringify(b)).toBe(JSON.stringify({ ...a, stats: { ...a.kind !== 'model-error' ? a.stats : {}, durationMs: (b as { stats: { durationMs: number } }).stats.durationMs, statesPerSecond: (b as { stats: { statesPerSecond: number } }).stats.statesPerSecond } }));
    if (a.kind === 'violation') expect(a.violation.trace.at(-1)!.state['external']).toBe(-5);
  });

  it('walks the reference design without a violation, within the depth bound', () => {
    const def = model('bank-transfer/reference');
    console.log('[simulate] seed "s2"');
    const r = checkModel(def, ['N=2'], { mode: mode('s2', 15, 100) });
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') {
      expect(r.stats.depth).toBeLessThanOrEqual(16);
      expect(r.stats.distinctStates).toBeGreaterThan(100);
      expect(r.stats.distinctStates).toBeLessThanOrEqual(35844);
    }
  });

  it('different seeds take different walks', () => {
    const def = model('bank-transfer/reference');
    console.log('[simulate] seeds "a" and "b"');
    const a = checkModel(def, ['N=2'], { mode: mode('a', 30, 20) });
    const b = checkModel(def, ['N=2'], { mode: mode('b', 30, 20) });
    if (a.kind === 'model-error' || b.kind === 'model-error') throw new Error('model error');
    expect(a.stats.coverage).not.toEqual(b.stats.coverage);
  });
});
