/**
 * The nondeterminism guard reports a design's use of Math.random and the
 * wall clock as the design's `Nondeterminism`, and gives the real globals
 * back when the run ends: code running after a simulation (the rest of the
 * program, other tests) must see the real clock and the real generator.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { guardGlobals } from '../../../sim/kernel/nondeterminism-guard.ts';
import { findSystem } from '../../../sim/systems/registry.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('nondeterminism guard', () => {
  it('reports Math.random and Date.now inside a run, then restores the real ones', async () => {
    const realRandom = Math.random;
    const RealDate = Date;
    const system = findSystem('bank-transfer')!;
    const loaded = await system.loadDesign(join(ROOT, 'test/fixtures/designs/uses-math-random.ts'));
    if (!loaded.ok) throw new Error(loaded.message);
    const seed = 1;
    console.log(`uses-math-random in process: seed ${seed}`);
    const r = await system.run({ design: loaded.design, seed, choice: new RandomChoiceSource(seed), keepTrace: false });
    expect(r.kind === 'violation' && r.violation.invariant).toBe('Nondeterminism');
    if (r.kind === 'violation') expect(r.violation.message).toContain('clock.nowMs()');
    expect(Math.random).toBe(realRandom);
    expect(globalThis.Date).toBe(RealDate);
    // The real clock, not virtual time: within a minute of the wall clock as performance counts it.
    const wallMs = performance.timeOrigin + performance.now();
    expect(Math.abs(Date.now() - wallMs)).toBeLessThan(60_000);
    expect(new Date().getFullYear()).toBeGreaterThanOrEqual(2024);
    const draws = new Set(Array.from({ length: 20 }, () => Math.random()));
    expect(draws.size).toBe(20);
  });

  it('a guard inside a guard restores the globals only when the outermost one ends', () => {
    const realRandom = Math.random;
    const uses: string[] = [];
    const outer = guardGlobals(() => 5, (u) => uses.push(`outer ${u.what}`));
    const inner = guardGlobals(() => 7, (u) => uses.push(`inner ${u.what}`));
    expect(Date.now()).toBe(7);
    inner();
    expect(Math.random).not.toBe(realRandom);
    expect(Date.now()).toBe(5);
    outer();
    expect(Math.random).toBe(realRandom);
    expect(uses).toEqual(['inner Date.now()', 'outer Date.now()']);
  });
});
