/**
 * Serializable means serializable: for random interleavings of two or three
 * small transactions of reads, predicate reads, updates, inserts and
 * deletes, the committed table and everything the committed transactions
 * read equal some serial execution of them. The same checker finds
 * counterexamples at repeatable read and read committed, which shows it can
 * fail.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsolationLevel } from '../../../../sim/storage/sql/sql-types.ts';
import { testSeed } from '../../../model/seed.ts';
import { isSerializable, runInterleaved, type Op } from './interleaving-driver.ts';

const key = fc.integer({ min: 1, max: 4 });
const c = fc.integer({ min: 0, max: 9 });
const op: fc.Arbitrary<Op> = fc.oneof(
  key.map((k) => ({ op: 'read', key: k }) as Op),
  fc.constant({ op: 'scanEven' } as Op),
  fc.tuple(key, c).map(([k, v]) => ({ op: 'write', key: k, c: v }) as Op),
  fc.tuple(fc.integer({ min: 3, max: 5 }), c).map(([k, v]) => ({ op: 'insert', key: k, c: v }) as Op),
  key.map((k) => ({ op: 'delete', key: k }) as Op),
);
const workload = fc.record({
  txs: fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 3 }),
  schedule: fc.array(fc.nat(2), { maxLength: 24 }),
});
const property = (level: IsolationLevel) =>
  fc.property(workload, ({ txs, schedule }) => isSerializable(txs, runInterleaved(level, txs, schedule)));

describe('serializable isolation', () => {
  it('every committed outcome of random interleavings equals some serial order', () => {
    fc.assert(property('serializable'), { seed: testSeed('sql serializable'), numRuns: 2000 });
  });

  it('the write-skew interleaving is judged non-serializable at repeatable read and serializable at serializable', () => {
    const txs: Op[][] = [
      [{ op: 'read', key: 1 }, { op: 'read', key: 2 }, { op: 'write', key: 1, c: 5 }],
      [{ op: 'read', key: 1 }, { op: 'read', key: 2 }, { op: 'write', key: 2, c: 5 }],
    ];
    const schedule = [0, 1, 0, 1, 0, 1, 0, 1];
    expect(isSerializable(txs, runInterleaved('repeatable-read', txs, schedule))).toBe(false);
    const ser = runInterleaved('serializable', txs, schedule);
    expect(ser.running.map((t) => t.committed)).toEqual([true, false]);
    expect(isSerializable(txs, ser)).toBe(true);
  });

  for (const level of ['repeatable-read', 'read-committed'] as const) {
    it(`random interleavings find a non-serializable outcome at ${level}`, () => {
      const out = fc.check(property(level), { seed: testSeed(`sql ${level}`), numRuns: 2000 });
      expect(out.failed).toBe(true);
    });
  }
});
