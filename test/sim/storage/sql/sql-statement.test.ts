/**
 * Statements as data: each renders as the Postgres statement it stands for,
 * and executing it gives what the matching engine method gives.
 */
import { describe, expect, it } from 'vitest';
import { executeStatement, toSql, type SqlStatement } from '../../../../sim/storage/sql/sql-statement.ts';
import { newTestDb } from './hermitage-script.ts';

const atLeast = (n: number) => ({ describe: `value >= ${n}`, test: (r: Record<string, unknown>) => (r['value'] as number) >= n });
const minus = (n: number) => ({ describe: `value = value - ${n}`, set: (r: Record<string, unknown>) => ({ value: (r['value'] as number) - n }) });

describe('SqlStatement', () => {
  it('renders each statement as Postgres text', () => {
    const cases: Array<[SqlStatement, string]> = [
      [{ op: 'select', table: 'test', key: 1 }, 'SELECT * FROM test WHERE pk = 1'],
      [{ op: 'selectForUpdate', table: 'test', key: 'a' }, "SELECT * FROM test WHERE pk = 'a' FOR UPDATE"],
      [{ op: 'selectWhere', table: 'test', where: atLeast(15) }, 'SELECT * FROM test WHERE value >= 15 ORDER BY pk'],
      [{ op: 'insertIfAbsent', table: 'test', row: { id: 3, value: 30 } }, 'INSERT INTO test (id, value) VALUES (3, 30) ON CONFLICT DO NOTHING'],
      [{ op: 'update', table: 'test', key: 2, assign: minus(15), where: atLeast(15) }, 'UPDATE test SET value = value - 15 WHERE pk = 2 AND value >= 15'],
      [{ op: 'deleteWhere', table: 'test', where: atLeast(15) }, 'DELETE FROM test WHERE value >= 15'],
      [{ op: 'commit' }, 'COMMIT'],
    ];
    for (const [statement, text] of cases) expect(toSql(statement)).toBe(text);
  });

  it('names the real primary-key column when the database is given', () => {
    const db = newTestDb('read-committed');
    const pk = (table: string) => db.primaryKey(table);
    expect(toSql({ op: 'delete', table: 'test', key: 1, where: atLeast(5) }, pk)).toBe('DELETE FROM test WHERE id = 1 AND value >= 5');
    expect(toSql({ op: 'selectForUpdateWhere', table: 'test', where: atLeast(5) }, pk)).toBe('SELECT * FROM test WHERE value >= 5 ORDER BY id FOR UPDATE');
  });

  it('executes a conditional update: 1 row while the condition holds, then 0', () => {
    const db = newTestDb('read-committed');
    const tx = db.begin();
    const withdraw: SqlStatement = { op: 'update', table: 'test', key: 2, assign: minus(15), where: atLeast(15) };
    expect(executeStatement(db, tx, withdraw)).toMatchObject({ kind: 'ok', rowCount: 1 });
    expect(executeStatement(db, tx, withdraw)).toMatchObject({ kind: 'ok', rowCount: 0 });
    expect(executeStatement(db, tx, { op: 'commit' })).toMatchObject({ kind: 'ok' });
    expect(db.committedRow('test', 2)).toEqual({ id: 2, value: 5 });
  });
});
