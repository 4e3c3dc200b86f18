/**
 * The bug the database exists to expose: two concurrent withdrawals of 80
 * from a balance of 100. Written as read-then-update they overdraw at read
 * committed (160 taken out of 100: a lost update), are refused at
 * repeatable read and serializable, and are safe at read committed when
 * written as a conditional update or with SELECT ... FOR UPDATE.
 */
import { describe, expect, it } from 'vitest';
import { SqlDatabase } from '../../../../sim/storage/sql/sql-database.ts';
import type { IsolationLevel, Predicate, Row, SqlResult } from '../../../../sim/storage/sql/sql-types.ts';

const balance = (row: Row): number => row['balance'] as number;
const atLeast80: Predicate = { describe: 'balance >= 80', test: (row) => balance(row) >= 80 };

function bank(level: IsolationLevel): SqlDatabase {
  const db = new SqlDatabase({ level, tables: [{ name: 'accounts', primaryKey: 'id' }] });
  db.load('accounts', [{ id: 'alice', balance: 100 }]);
  return db;
}

function readBalance(result: SqlResult): number {
  if (result.kind !== 'ok' || result.rows.length !== 1) throw new Error(`expected one row, got ${JSON.stringify(result)}`);
  return balance(result.rows[0]!);
}

describe('two concurrent withdrawals of 80 from 100', () => {
  it('read-then-update at read committed: both commit, 160 leaves an account of 100 (lost update)', () => {
    const db = bank('read-committed');
    const [t1, t2] = [db.begin(), db.begin()];
    const seen1 = readBalance(db.selectByKey(t1, 'accounts', 'alice'));
    const seen2 = readBalance(db.selectByKey(t2, 'accounts', 'alice'));
    expect([seen1, seen2]).toEqual([100, 100]);
    expect(db.updateByKey(t1, 'accounts', 'alice', () => ({ balance: seen1 - 80 }))).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.updateByKey(t2, 'accounts', 'alice', () => ({ balance: seen2 - 80 }))).toEqual({ kind: 'blocked', waitingFor: t1 });
    expect(db.commit(t1)).toMatchObject({ kind: 'ok' });
    expect(db.runnable()).toEqual([t2]);
    expect(db.resume(t2)).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.commit(t2)).toMatchObject({ kind: 'ok' });
    // Two withdrawals of 80 were paid out, yet the balance only fell by 80.
    expect(db.committedRow('accounts', 'alice')).toEqual({ id: 'alice', balance: 20 });
  });

  for (const level of ['repeatable-read', 'serializable'] as const) {
    it(`read-then-update at ${level}: the second withdrawal fails with SERIALIZATION_FAILURE`, () => {
      const db = bank(level);
      const [t1, t2] = [db.begin(), db.begin()];
      const seen1 = readBalance(db.selectByKey(t1, 'accounts', 'alice'));
      const seen2 = readBalance(db.selectByKey(t2, 'accounts', 'alice'));
      expect(db.updateByKey(t1, 'accounts', 'alice', () => ({ balance: seen1 - 80 }))).toMatchObject({ kind: 'ok', rowCount: 1 });
      expect(db.updateByKey(t2, 'accounts', 'alice', () => ({ balance: seen2 - 80 }))).toEqual({ kind: 'blocked', waitingFor: t1 });
      expect(db.commit(t1)).toMatchObject({ kind: 'ok' });
      expect(db.resume(t2)).toMatchObject({ kind: 'error', code: 'SERIALIZATION_FAILURE' });
      expect(db.commit(t2)).toMatchObject({ kind: 'error', code: 'TX_ABORTED' });
      expect(db.committedRow('accounts', 'alice')).toEqual({ id: 'alice', balance: 20 });
    });
  }

  it('conditional update at read committed: the second affects 0 rows once the first commits', () => {
    const db = bank('read-committed');
    const [t1, t2] = [db.begin(), db.begin()];
    const withdraw = (row: Row) => ({ balance: balance(row) - 80 });
    expect(db.updateByKey(t1, 'accounts', 'alice', withdraw, atLeast80)).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.updateByKey(t2, 'accounts', 'alice', withdraw, atLeast80)).toEqual({ kind: 'blocked', waitingFor: t1 });
    expect(db.commit(t1)).toMatchObject({ kind: 'ok' });
    // EvalPlanQual: the WHERE clause is evaluated again on the committed balance of 20.
    expect(db.resume(t2)).toMatchObject({ kind: 'ok', rowCount: 0 });
    expect(db.commit(t2)).toMatchObject({ kind: 'ok' });
    expect(db.committedRow('accounts', 'alice')).toEqual({ id: 'alice', balance: 20 });
  });

  it('SELECT ... FOR UPDATE at read committed: the second waits, then reads 20 and refuses', () => {
    const db = bank('read-committed');
    const [t1, t2] = [db.begin(), db.begin()];
    const seen1 = readBalance(db.selectForUpdate(t1, 'accounts', 'alice'));
    expect(db.selectForUpdate(t2, 'accounts', 'alice')).toEqual({ kind: 'blocked', waitingFor: t1 });
    expect(db.updateByKey(t1, 'accounts', 'alice', () => ({ balance: seen1 - 80 }))).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.commit(t1)).toMatchObject({ kind: 'ok' });
    const seen2 = readBalance(db.resume(t2));
    expect(seen2).toBe(20);
    // The application sees too little money and gives up.
    expect(db.rollback(t2)).toMatchObject({ kind: 'ok' });
    expect(db.committedRow('accounts', 'alice')).toEqual({ id: 'alice', balance: 20 });
  });
});
