/**
 * UNIQUE constraints on columns other than the primary key.
 *
 * As Postgres' unique index does, the check looks at the newest state of
 * every row, not at the statement's snapshot: a committed row holding the
 * value is a violation whatever the isolation level, and a row whose value
 * is being written or removed by another open transaction makes the
 * statement wait for that transaction's outcome. NULL never conflicts.
 * Tables are small in simulation, so the check scans rather than indexes.
 */
import type { EngineState } from './engine-state.ts';
import type { SqlTable } from './sql-table.ts';
import type { SqlTransaction } from './sql-transaction.ts';
import type { Row, RowKey, TxId } from './sql-types.ts';

export interface UniqueConflict {
  readonly message: string;
  /** The open transaction whose outcome decides the conflict, or null for a definite violation. */
  readonly holder: TxId | null;
}

/** The first conflict of `row` (stored under `self`) with another row's unique columns, or null. */
export function uniqueConflict(state: EngineState, tx: SqlTransaction, table: SqlTable, row: Row, self: RowKey): UniqueConflict | null {
  const name = table.schema.name;
  for (const column of table.schema.unique ?? []) {
    const value = row[column];
    if (value === null || value === undefined) continue;
    const message = `duplicate key value violates unique constraint: ${name}.${column} = ${JSON.stringify(value)}`;
    for (const key of table.keys()) {
      if (key === self) continue;
      const own = tx.ownWrite(name, key);
      if (own !== undefined) {
        if (own.after !== null && own.after[column] === value) return { message, holder: null };
        continue;
      }
      const committed = table.newest(key)?.row ?? null;
      const holder = state.locks.holder(name, key);
      if (holder !== undefined && holder !== tx.id) {
        const theirs = state.txs.get(holder)?.ownWrite(name, key)?.after ?? null;
        if (committed?.[column] === value || theirs?.[column] === value) return { message, holder };
        continue;
      }
      if (committed !== null && committed[column] === value) return { message, holder: null };
    }
  }
  return null;
}
