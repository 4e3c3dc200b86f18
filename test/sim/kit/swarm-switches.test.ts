/** The kit's swarm switches: one on/off draw per kind, a rate from the ladder for each kind switched on. */
import { describe, expect, it } from 'vitest';
import { drawSwitches, SWARM_RATES } from '../../../sim/kit/swarm-switches.ts';

describe('drawSwitches', () => {
  it('applies exactly the kinds drawn on, each at the drawn rate, and labels them', () => {
    // Draws: a off; b on at rate index 3; c on at rate index 0.
    const draws = [0, 1, 3, 1, 0];
    const pick = (n: number): number => {
      const v = draws.shift()!;
      expect(v).toBeLessThan(n);
      return v;
    };
    const applied: Array<[string, number]> = [];
    const labels = drawSwitches(['a', 'b', 'c'] as const, pick, (kind, rate) => applied.push([kind, rate]));
    expect(applied).toEqual([['b', SWARM_RATES[3]], ['c', SWARM_RATES[0]]]);
    expect(labels).toEqual([`b=${SWARM_RATES[3]}`, `c=${SWARM_RATES[0]}`]);
    expect(draws).toEqual([]);
  });
});
