/**
 * The simulated SQL database engine: a deterministic in-memory state machine
 * with Postgres' isolation semantics, driven one statement at a time.
 *
 * Each method is one SQL statement of one transaction, so a caller (a test,
 * or later the simulator's database process) interleaves the statements of
 * concurrent transactions in any order it chooses. begin is BEGIN ISOLATION LEVEL <level>; every other method is one
 * statement, mapped onto Postgres in sql-statement.ts (selectByKey is
 * `SELECT * FROM t WHERE pk = $1`, updateByKey with a `where` is the
 * conditional `UPDATE t SET ... WHERE pk = $1 AND <where>` whose row count
 * says whether it held, insertIfAbsent is `INSERT ... ON CONFLICT DO
 * NOTHING`, and so on). `resume` is no statement: it continues a lock wait.
 *
 * A statement that must wait for a row lock returns `blocked` and stays
 * parked in its transaction; `resume` continues it (no new snapshot), and
 * `runnable` lists the parked transactions whose blocker has ended. While a
 * statement is parked the transaction accepts no other statement, as a
 * Postgres connection does not. Expected failures are result values;
 * misuse (unknown table, a statement on a parked transaction) throws.
 */
import { matchingKeys, newEngineState, readRow, statementSnapshot, tableOf, type EngineState } from './engine-state.ts';
import { runInsert } from './insert-row.ts';
import { noteRead } from './ssi-tracker.ts';
import { SqlTable, type TableSchema } from './sql-table.ts';
import { SqlTransaction } from './sql-transaction.ts';
import { ALL_ROWS, ok, sqlError, type IsolationLevel, type Predicate, type Row, type RowKey, type SetClause, type SqlResult, type TxId } from './sql-types.ts';
import { commitTx, rollbackTx } from './tx-commit.ts';
import { runScan, startScan } from './write-scan.ts';

export interface SqlDatabaseOptions {
  /** The default isolation level of BEGIN (Postgres' default_transaction_isolation). */
  readonly level: IsolationLevel;
  readonly tables: readonly TableSchema[];
  /** Postgres' lock_timeout in virtual ms; null or absent waits forever. */
  readonly lockTimeoutMs?: number | null;
}

export class SqlDatabase {
  readonly level: IsolationLevel;
  private readonly state: EngineState;
  private nextTx = 1;
  /** Transactions committed so far: a version of the committed state, for invariants that cache what they read. */
  commits = 0;

  constructor(options: SqlDatabaseOptions) {
    this.level = options.level;
    const tables = new Map(options.tables.map((schema) => [schema.name, new SqlTable(schema)]));
    this.state = newEngineState(tables, options.lockTimeoutMs ?? null);
  }

  /** Sets the virtual time (ms) that lock timeouts are measured in. */
  setTime(nowMs: number): void {
    this.state.now = nowMs;
  }

  /** Loads rows as one committed transaction (test and world setup). */
  load(table: string, rows: readonly Row[]): void {
    const tx = this.begin('read-committed');
    for (const row of rows) {
      const result = this.insert(tx, table, row);
      if (result.kind !== 'ok') throw new Error(`loading ${table}: ${JSON.stringify(result)}`);
    }
    this.commit(tx);
  }

  begin(level: IsolationLevel = this.level): TxId {
    const tx = new SqlTransaction(this.nextTx++, level);
    this.state.txs.set(tx.id, tx);
    return tx.id;
  }

  selectByKey(id: TxId, table: string, key: RowKey): SqlResult {
    return this.statement(id, (tx) => {
      const t = tableOf(this.state, table);
      const row = readRow(tx, t, key, statementSnapshot(this.state, tx));
      noteRead(this.state, tx, table, (r) => r[t.schema.primaryKey] === key);
      return ok(row === null ? [] : [row]);
    });
  }

  selectWhere(id: TxId, table: string, where: Predicate = ALL_ROWS): SqlResult {
    return this.statement(id, (tx) => {
      const t = tableOf(this.state, table);
      const snapshot = statementSnapshot(this.state, tx);
      const rows = matchingKeys(tx, t, where, snapshot).map((key) => readRow(tx, t, key, snapshot)!);
      noteRead(this.state, tx, table, where.test);
      return ok(rows);
    });
  }

  selectForUpdate(id: TxId, table: string, key: RowKey): SqlResult {
    return this.statement(id, (tx) => startScan(this.state, tx, table, ALL_ROWS, { kind: 'lock' }, key));
  }

  selectForUpdateWhere(id: TxId, table: string, where: Predicate): SqlResult {
    return this.statement(id, (tx) => startScan(this.state, tx, table, where, { kind: 'lock' }, null));
  }

  insert(id: TxId, table: string, row: Row): SqlResult {
    return this.statement(id, (tx) => runInsert(this.state, tx, { kind: 'insert', table, row, ifAbsent: false }));
  }

  insertIfAbsent(id: TxId, table: string, row: Row): SqlResult {
    return this.statement(id, (tx) => runInsert(this.state, tx, { kind: 'insert', table, row, ifAbsent: true }));
  }

  /** UPDATE by key; `where` adds a condition (the conditional update), and rowCount says whether it held. */
  updateByKey(id: TxId, table: string, key: RowKey, set: SetClause, where: Predicate = ALL_ROWS): SqlResult {
    return this.statement(id, (tx) => startScan(this.state, tx, table, where, { kind: 'update', set }, key));
  }

  updateWhere(id: TxId, table: string, where: Predicate, set: SetClause): SqlResult {
    return this.statement(id, (tx) => startScan(this.state, tx, table, where, { kind: 'update', set }, null));
  }

  deleteByKey(id: TxId, table: string, key: RowKey, where: Predicate = ALL_ROWS): SqlResult {
    return this.statement(id, (tx) => startScan(this.state, tx, table, where, { kind: 'delete' }, key));
  }

  deleteWhere(id: TxId, table: string, where: Predicate): SqlResult {
    return this.statement(id, (tx) => startScan(this.state, tx, table, where, { kind: 'delete' }, null));
  }

  /** Continues the statement `id` is blocked in: its result, or `blocked` again. */
  resume(id: TxId): SqlResult {
    const tx = this.lookup(id);
    const pending = tx?.pending ?? null;
    if (tx === undefined || pending === null) throw new Error(`transaction ${id} has no blocked statement to resume`);
    return pending.kind === 'scan' ? runScan(this.state, tx, pending) : runInsert(this.state, tx, pending);
  }

  commit(id: TxId): SqlResult {
    const tx = this.lookup(id);
    if (tx === undefined || !tx.open) return sqlError('NO_TRANSACTION', `there is no transaction ${id} in progress`);
    if (tx.pending !== null) throw new Error(`transaction ${id} is blocked in a statement; resume it first`);
    const result = commitTx(this.state, tx);
    if (result.kind === 'ok') this.commits++;
    return result;
  }

  /** ROLLBACK; like Postgres, rolling back a transaction that is not in progress is harmless. */
  rollback(id: TxId): SqlResult {
    const tx = this.lookup(id);
    return tx === undefined || !tx.open ? ok([], 0) : rollbackTx(this.state, tx);
  }

  /** A database restart: every open transaction rolls back; committed data stays. */
  restart(): void {
    for (const tx of [...this.state.txs.values()]) if (tx.open) rollbackTx(this.state, tx);
  }

  /** Ground truth: the committed rows of a table in key order, whatever is in flight. */
  committedRows(table: string): Row[] {
    const t = tableOf(this.state, table);
    const rows: Row[] = [];
    for (const key of t.keys()) {
      const row = t.newest(key)?.row ?? null;
      if (row !== null) rows.push(row);
    }
    return rows;
  }

  /** The primary-key column of a table, for rendering statements (see sql-statement.ts). */
  primaryKey(table: string): string {
    return tableOf(this.state, table).schema.primaryKey;
  }

  committedRow(table: string, key: RowKey): Row | null {
    return tableOf(this.state, table).newest(key)?.row ?? null;
  }

  /** Whether transaction `id` is still in progress. */
  isOpen(id: TxId): boolean {
    return this.lookup(id)?.open === true;
  }

  /** The transaction `id` waits for, or null. */
  waitingFor(id: TxId): TxId | null {
    return this.lookup(id)?.waitingFor ?? null;
  }

  /** Blocked transactions whose blocker has ended or aborted: resuming them makes progress. */
  runnable(): TxId[] {
    const out: TxId[] = [];
    for (const tx of this.state.txs.values()) {
      if (tx.pending === null || tx.waitingFor === null) continue;
      if (this.state.txs.get(tx.waitingFor)?.status !== 'active') out.push(tx.id);
    }
    return out;
  }

  private lookup(id: TxId): SqlTransaction | undefined {
    if (!Number.isInteger(id) || id < 1 || id >= this.nextTx) throw new Error(`no transaction ${id} was ever begun`);
    return this.state.txs.get(id);
  }

  private statement(id: TxId, body: (tx: SqlTransaction) => SqlResult): SqlResult {
    const tx = this.lookup(id);
    if (tx === undefined || !tx.open) return sqlError('NO_TRANSACTION', `there is no transaction ${id} in progress`);
    if (tx.pending !== null) throw new Error(`transaction ${id} is blocked in a statement; resume it first`);
    if (tx.status === 'aborted') {
      return sqlError('TX_ABORTED', 'current transaction is aborted, commands ignored until end of transaction block');
    }
    return body(tx);
  }
}
