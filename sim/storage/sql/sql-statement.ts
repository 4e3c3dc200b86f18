/**
 * A statement as data: what a process sends to the database over the
 * simulated network, what a trace shows, and the one Postgres statement it
 * stands for.
 *
 * `toSql` renders the Postgres text; `executeStatement` runs it on the
 * engine. The mapping, operation by operation:
 *
 * | statement              | Postgres                                                      |
 * |------------------------|---------------------------------------------------------------|
 * | select                 | SELECT * FROM t WHERE pk = $1                                 |
 * | selectWhere            | SELECT * FROM t WHERE <p> ORDER BY pk                         |
 * | selectForUpdate        | SELECT * FROM t WHERE pk = $1 FOR UPDATE                      |
 * | selectForUpdateWhere   | SELECT * FROM t WHERE <p> ORDER BY pk FOR UPDATE              |
 * | insert                 | INSERT INTO t (...) VALUES (...)                              |
 * | insertIfAbsent         | INSERT INTO t (...) VALUES (...) ON CONFLICT DO NOTHING       |
 * | update                 | UPDATE t SET <set> WHERE pk = $1 [AND <p>]                    |
 * | updateWhere            | UPDATE t SET <set> WHERE <p>                                  |
 * | delete                 | DELETE FROM t WHERE pk = $1 [AND <p>]                         |
 * | deleteWhere            | DELETE FROM t WHERE <p>                                       |
 * | commit / rollback      | COMMIT / ROLLBACK                                             |
 *
 * BEGIN ISOLATION LEVEL <level> is SqlDatabase.begin, which creates the
 * transaction the statements name.
 */
import type { SqlDatabase } from './sql-database.ts';
import { ALL_ROWS, type Predicate, type RowKey, type SqlResult, type TxId } from './sql-types.ts';

export type { Assignment, SqlStatement } from '../../../impl/ports/sql.ts';
import type { SqlStatement } from '../../../impl/ports/sql.ts';

const literal = (value: unknown): string => (typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value));

/**
 * The Postgres text of a statement; `primaryKey` names each table's key
 * column (SqlDatabase.primaryKey), written `pk` when not given.
 */
export function toSql(s: SqlStatement, primaryKey: (table: string) => string = () => 'pk'): string {
  const pk = 'table' in s ? primaryKey(s.table) : 'pk';
  const byKey = (key: RowKey, where: Predicate | undefined): string =>
    `WHERE ${pk} = ${literal(key)}${where === undefined || where === ALL_ROWS ? '' : ` AND ${where.describe}`}`;
  switch (s.op) {
    case 'select': return `SELECT * FROM ${s.table} ${byKey(s.key, undefined)}`;
    case 'selectForUpdate': return `SELECT * FROM ${s.table} ${byKey(s.key, undefined)} FOR UPDATE`;
    case 'selectWhere': return `SELECT * FROM ${s.table} WHERE ${s.where.describe} ORDER BY ${pk}`;
    case 'selectForUpdateWhere': return `SELECT * FROM ${s.table} WHERE ${s.where.describe} ORDER BY ${pk} FOR UPDATE`;
    case 'deleteWhere': return `DELETE FROM ${s.table} WHERE ${s.where.describe}`;
    case 'insert':
    case 'insertIfAbsent': {
      const columns = Object.keys(s.row);
      const text = `INSERT INTO ${s.table} (${columns.join(', ')}) VALUES (${columns.map((c) => literal(s.row[c])).join(', ')})`;
      return s.op === 'insert' ? text : `${text} ON CONFLICT DO NOTHING`;
    }
    case 'update': return `UPDATE ${s.table} SET ${s.assign.describe} ${byKey(s.key, s.where)}`;
    case 'updateWhere': return `UPDATE ${s.table} SET ${s.assign.describe} WHERE ${s.where.describe}`;
    case 'delete': return `DELETE FROM ${s.table} ${byKey(s.key, s.where)}`;
    case 'commit': return 'COMMIT';
    case 'rollback': return 'ROLLBACK';
  }
}

/** Runs one statement of transaction `tx`. */
export function executeStatement(db: SqlDatabase, tx: TxId, s: SqlStatement): SqlResult {
  switch (s.op) {
    case 'select': return db.selectByKey(tx, s.table, s.key);
    case 'selectForUpdate': return db.selectForUpdate(tx, s.table, s.key);
    case 'selectWhere': return db.selectWhere(tx, s.table, s.where);
    case 'selectForUpdateWhere': return db.selectForUpdateWhere(tx, s.table, s.where);
    case 'deleteWhere': return db.deleteWhere(tx, s.table, s.where);
    case 'insert': return db.insert(tx, s.table, s.row);
    case 'insertIfAbsent': return db.insertIfAbsent(tx, s.table, s.row);
    case 'update': return db.updateByKey(tx, s.table, s.key, s.assign.set, s.where);
    case 'updateWhere': return db.updateWhere(tx, s.table, s.where, s.assign.set);
    case 'delete': return db.deleteByKey(tx, s.table, s.key, s.where);
    case 'commit': return db.commit(tx);
    case 'rollback': return db.rollback(tx);
  }
}
