/**
 * A small driver for interleaved transaction scripts against the simulated
 * database: each step is one statement of one of the transactions T1..T3
 * (or the resumption of its blocked statement) with the result Postgres
 * gives for it, so a script reads like a Hermitage test case.
 */
import { SqlDatabase } from '../../../../sim/storage/sql/sql-database.ts';
import type { IsolationLevel, Predicate, Row, SqlErrorCode, SqlResult, TxId } from '../../../../sim/storage/sql/sql-types.ts';

export type TxName = 'T1' | 'T2' | 'T3';

/** What a step must return: rows as [id, value] pairs, a row count, a wait, an error, or plain success. */
export type Expect =
  | { rows: Array<[number, number]> }
  | { count: number }
  | { blockedBy: TxName }
  | { error: SqlErrorCode }
  | 'ok';

export interface Step {
  readonly tx: TxName;
  readonly sql: string;
  readonly run: (db: SqlDatabase, tx: TxId) => SqlResult;
  readonly expect: Expect;
}

export const where = (describe: string, test: (row: Row) => boolean): Predicate => ({ describe, test });
const value = (row: Row): number => row['value'] as number;

export const step = {
  selectAll: (tx: TxName, expect: Expect): Step => ({ tx, sql: 'select * from test', run: (db, t) => db.selectWhere(t, 'test'), expect }),
  selectWhere: (tx: TxName, p: Predicate, expect: Expect): Step => ({
    tx, sql: `select * from test where ${p.describe}`, run: (db, t) => db.selectWhere(t, 'test', p), expect,
  }),
  selectKey: (tx: TxName, id: number, expect: Expect): Step => ({
    tx, sql: `select * from test where id = ${id}`, run: (db, t) => db.selectByKey(t, 'test', id), expect,
  }),
  set: (tx: TxName, id: number, to: number, expect: Expect): Step => ({
    tx, sql: `update test set value = ${to} where id = ${id}`, run: (db, t) => db.updateByKey(t, 'test', id, () => ({ value: to })), expect,
  }),
  add: (tx: TxName, p: Predicate, delta: number, expect: Expect): Step => ({
    tx, sql: `update test set value = value + ${delta} where ${p.describe}`,
    run: (db, t) => db.updateWhere(t, 'test', p, (row) => ({ value: value(row) + delta })), expect,
  }),
  addKey: (tx: TxName, id: number, delta: number, expect: Expect): Step => ({
    tx, sql: `update test set value = value + ${delta} where id = ${id}`,
    run: (db, t) => db.updateByKey(t, 'test', id, (row) => ({ value: value(row) + delta })), expect,
  }),
  deleteWhere: (tx: TxName, p: Predicate, expect: Expect): Step => ({
    tx, sql: `delete from test where ${p.describe}`, run: (db, t) => db.deleteWhere(t, 'test', p), expect,
  }),
  insert: (tx: TxName, id: number, v: number, expect: Expect): Step => ({
    tx, sql: `insert into test (id, value) values (${id}, ${v})`, run: (db, t) => db.insert(t, 'test', { id, value: v }), expect,
  }),
  resume: (tx: TxName, expect: Expect): Step => ({ tx, sql: '(lock granted)', run: (db, t) => db.resume(t), expect }),
  commit: (tx: TxName, expect: Expect = 'ok'): Step => ({ tx, sql: 'commit', run: (db, t) => db.commit(t), expect }),
  rollback: (tx: TxName): Step => ({ tx, sql: 'rollback', run: (db, t) => db.rollback(t), expect: 'ok' }),
};

export function newTestDb(level: IsolationLevel): SqlDatabase {
  const db = new SqlDatabase({ level, tables: [{ name: 'test', primaryKey: 'id' }] });
  db.load('test', [{ id: 1, value: 10 }, { id: 2, value: 20 }]);
  return db;
}

function matches(result: SqlResult, expect: Expect, ids: Record<TxName, TxId>): boolean {
  if (expect === 'ok') return result.kind === 'ok';
  if ('rows' in expect) {
    return result.kind === 'ok' && JSON.stringify(result.rows.map((r) => [r['id'], r['value']])) === JSON.stringify(expect.rows);
  }
  if ('count' in expect) return result.kind === 'ok' && result.rowCount === expect.count;
  if ('blockedBy' in expect) return result.kind === 'blocked' && result.waitingFor === ids[expect.blockedBy];
  return result.kind === 'error' && result.code === expect.error;
}

/** Runs the steps at `level`; returns a description of every step whose result differs. */
export function runScript(level: IsolationLevel, steps: readonly Step[]): { db: SqlDatabase; mismatches: string[] } {
  const db = newTestDb(level);
  const ids = { T1: db.begin(), T2: db.begin(), T3: db.begin() };
  const mismatches: string[] = [];
  steps.forEach((s, i) => {
    const result = s.run(db, ids[s.tx]);
    if (!matches(result, s.expect, ids)) {
      mismatches.push(`step ${i + 1} ${s.tx}: ${s.sql}: expected ${JSON.stringify(s.expect)}, got ${JSON.stringify(result)}`);
    }
  });
  return { db, mismatches };
}

/** The committed table as [id, value] pairs. */
export function committed(db: SqlDatabase): Array<[number, number]> {
  return db.committedRows('test').map((r) => [r['id'] as number, r['value'] as number]);
}
