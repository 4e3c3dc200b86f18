/**
 * Lock waits and what ends them: a deadlock (the transaction that would close
 * the cycle fails with DEADLOCK_DETECTED, the other proceeds), a lock timeout
 * in virtual time, waits on a unique key that end in a violation or a
 * success, the aborted state, and a database restart.
 */
import { describe, expect, it } from 'vitest';
import { SqlDatabase } from '../../../../sim/storage/sql/sql-database.ts';
import type { IsolationLevel } from '../../../../sim/storage/sql/sql-types.ts';
import { newTestDb } from './hermitage-script.ts';

const setValue = (value: number) => () => ({ value });

function users(level: IsolationLevel): SqlDatabase {
  return new SqlDatabase({ level, tables: [{ name: 'users', primaryKey: 'id', unique: ['email'] }] });
}

describe('lock waits', () => {
  it('a deadlock aborts the transaction that closes the cycle and lets the other proceed', () => {
    const db = newTestDb('read-committed');
    const [t1, t2] = [db.begin(), db.begin()];
    expect(db.selectForUpdate(t1, 'test', 1)).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.selectForUpdate(t2, 'test', 2)).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.updateByKey(t1, 'test', 2, setValue(21))).toEqual({ kind: 'blocked', waitingFor: t2 });
    expect(db.updateByKey(t2, 'test', 1, setValue(11))).toMatchObject({ kind: 'error', code: 'DEADLOCK_DETECTED' });
    expect(db.selectByKey(t2, 'test', 1)).toMatchObject({ kind: 'error', code: 'TX_ABORTED' });
    expect(db.runnable()).toEqual([t1]);
    expect(db.resume(t1)).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.commit(t1)).toMatchObject({ kind: 'ok' });
    expect(db.rollback(t2)).toMatchObject({ kind: 'ok' });
    expect(db.committedRows('test')).toEqual([{ id: 1, value: 10 }, { id: 2, value: 21 }]);
  });

  it('a wait of lockTimeoutMs virtual ms fails with LOCK_TIMEOUT and releases nothing of the holder', () => {
    const db = new SqlDatabase({ level: 'read-committed', tables: [{ name: 'test', primaryKey: 'id' }], lockTimeoutMs: 50 });
    db.load('test', [{ id: 1, value: 10 }]);
    const [t1, t2] = [db.begin(), db.begin()];
    db.setTime(1000);
    expect(db.updateByKey(t1, 'test', 1, setValue(11))).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.updateByKey(t2, 'test', 1, setValue(12))).toEqual({ kind: 'blocked', waitingFor: t1 });
    db.setTime(1049);
    expect(db.resume(t2)).toEqual({ kind: 'blocked', waitingFor: t1 });
    expect(db.runnable()).toEqual([]);
    db.setTime(1050);
    expect(db.resume(t2)).toMatchObject({ kind: 'error', code: 'LOCK_TIMEOUT' });
    expect(db.commit(t2)).toMatchObject({ kind: 'error', code: 'TX_ABORTED' });
    expect(db.commit(t1)).toMatchObject({ kind: 'ok' });
    expect(db.committedRow('test', 1)).toEqual({ id: 1, value: 11 });
  });

  it('an insert waits for an uncommitted duplicate email and fails with UNIQUE_VIOLATION once it commits', () => {
    const db = users('read-committed');
    const [t1, t2] = [db.begin(), db.begin()];
    expect(db.insert(t1, 'users', { id: 1, email: 'a@x' })).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.insert(t2, 'users', { id: 2, email: 'a@x' })).toEqual({ kind: 'blocked', waitingFor: t1 });
    expect(db.commit(t1)).toMatchObject({ kind: 'ok' });
    expect(db.resume(t2)).toMatchObject({ kind: 'error', code: 'UNIQUE_VIOLATION' });
    expect(db.insert(db.begin(), 'users', { id: 1, email: 'b@x' })).toMatchObject({ kind: 'error', code: 'UNIQUE_VIOLATION' });
  });

  it('insert-if-absent inserts once: 0 rows after a committed twin, 1 row after a rolled-back one', () => {
    const db = users('read-committed');
    const [t1, t2, t3] = [db.begin(), db.begin(), db.begin()];
    expect(db.insertIfAbsent(t1, 'users', { id: 7, email: null })).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.insertIfAbsent(t2, 'users', { id: 7, email: null })).toEqual({ kind: 'blocked', waitingFor: t1 });
    expect(db.commit(t1)).toMatchObject({ kind: 'ok' });
    expect(db.resume(t2)).toMatchObject({ kind: 'ok', rowCount: 0 });
    expect(db.insertIfAbsent(t3, 'users', { id: 8, email: null })).toMatchObject({ kind: 'ok', rowCount: 1 });
    const t4 = db.begin();
    expect(db.insertIfAbsent(t4, 'users', { id: 8, email: null })).toEqual({ kind: 'blocked', waitingFor: t3 });
    expect(db.rollback(t3)).toMatchObject({ kind: 'ok' });
    expect(db.resume(t4)).toMatchObject({ kind: 'ok', rowCount: 1 });
  });

  it('insert-if-absent at repeatable read fails with SERIALIZATION_FAILURE on a twin its snapshot cannot see', () => {
    const db = users('repeatable-read');
    const [t1, t2] = [db.begin(), db.begin()];
    expect(db.selectByKey(t2, 'users', 7)).toMatchObject({ kind: 'ok', rowCount: 0 });
    expect(db.insertIfAbsent(t1, 'users', { id: 7, email: null })).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.commit(t1)).toMatchObject({ kind: 'ok' });
    expect(db.insertIfAbsent(t2, 'users', { id: 7, email: null })).toMatchObject({ kind: 'error', code: 'SERIALIZATION_FAILURE' });
  });

  it('a restart rolls back open transactions, keeps committed data and frees their locks', () => {
    const db = newTestDb('serializable');
    const [t1, t2] = [db.begin(), db.begin()];
    expect(db.updateByKey(t1, 'test', 1, setValue(11))).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.updateByKey(t2, 'test', 1, setValue(12))).toEqual({ kind: 'blocked', waitingFor: t1 });
    db.restart();
    expect(db.committedRows('test')).toEqual([{ id: 1, value: 10 }, { id: 2, value: 20 }]);
    expect(db.commit(t1)).toMatchObject({ kind: 'error', code: 'NO_TRANSACTION' });
    expect(db.selectByKey(t2, 'test', 1)).toMatchObject({ kind: 'error', code: 'NO_TRANSACTION' });
    const t3 = db.begin();
    expect(db.updateByKey(t3, 'test', 1, setValue(13))).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(db.commit(t3)).toMatchObject({ kind: 'ok' });
    expect(db.committedRow('test', 1)).toEqual({ id: 1, value: 13 });
  });

  it('refuses a new statement on a transaction blocked in one (a programmer error)', () => {
    const db = newTestDb('read-committed');
    const [t1, t2] = [db.begin(), db.begin()];
    db.updateByKey(t1, 'test', 1, setValue(11));
    db.updateByKey(t2, 'test', 1, setValue(12));
    expect(() => db.selectByKey(t2, 'test', 2)).toThrow(/blocked/);
  });
});
