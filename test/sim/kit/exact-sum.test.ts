/**
 * Exact sums of stored doubles: whole numbers take the fast path; a float
 * drift (0.1 + 0.2, 1000 / 12 twelve times) is found, with its sign; a value that is no number is reported as NaN.
 */
import { describe, expect, it } from 'vitest';
import { exactDifference } from '../../../sim/kit/exact-sum.ts';

describe('exactDifference', () => {
  it('is null for whole numbers that add up, the difference otherwise', () => {
    expect(exactDifference([500, 250, 250], 1000)).toBeNull();
    expect(exactDifference([500, 250, 260], 1000)).toBe(10);
  });

  it('finds the drift of 0.1 + 0.2', () => {
    const drifted = 0.1 + 0.2;
    const diff = exactDifference([drifted, -0.3], 0);
    expect(diff).not.toBeNull();
    expect(diff!).toBeGreaterThan(0);
    expect(diff!).toBeLessThan(1e-15);
  });

  it('sees that twelve payments of 1000 / 12 do not make 1000, though the float sum may', () => {
    const weekly = Array.from({ length: 12 }, () => 1000 / 12);
    const diff = exactDifference(weekly, 1000);
    expect(diff).not.toBeNull();
    expect(Math.abs(diff!)).toBeLessThan(1e-10);
  });

  it('finds the drift a floating-point sum rounds away: 1000 - 0.30000000000000004 is stored as 999.7', () => {
    const a = 1000 - (0.1 + 0.2);
    const b = 0.1 + 0.2;
    expect(a + b).toBe(1000);
    expect(exactDifference([a, b], 1000)).not.toBeNull();
  });

  it('balances a drift against its exact opposite', () => {
    expect(exactDifference([970, 30.000000000000004, -30.000000000000004], 970)).toBeNull();
    expect(exactDifference([Number.MIN_VALUE], 0)).toBe(Number.MIN_VALUE);
  });

  it('reports a value that is no finite number as NaN', () => {
    expect(exactDifference([Number.NaN, 1.5], 1)).toBeNaN();
  });
});
