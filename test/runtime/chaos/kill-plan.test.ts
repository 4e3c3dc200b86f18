/** Kill plans: the right number of moments, sorted, inside the fault phase, the same for the same seed. */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { killMoments } from '../../../runtime/chaos/kill-plan.ts';

describe('killMoments', () => {
  it('draws `count` sorted moments within the phase, repeatably from the seed', () => {
    const a = killMoments({ count: 40 }, 60_000, seedrandom.alea('5/kills'));
    expect(a).toHaveLength(40);
    expect(a).toEqual([...a].sort((x, y) => x - y));
    expect(a.every((t) => t >= 0 && t < 60_000)).toBe(true);
    expect(killMoments({ count: 40 }, 60_000, seedrandom.alea('5/kills'))).toEqual(a);
  });

  it('spaces kills by intervals drawn from the range', () => {
    const moments = killMoments({ everyMinMs: 1000, everyMaxMs: 5000 }, 60_000, seedrandom.alea('6/kills'));
    const gaps = moments.map((t, i) => t - (i === 0 ? 0 : moments[i - 1]!));
    expect(gaps.every((g) => g >= 1000 && g <= 5000)).toBe(true);
    expect(moments[moments.length - 1]!).toBeLessThan(60_000);
    expect(moments.length).toBeGreaterThanOrEqual(11);
  });
});
