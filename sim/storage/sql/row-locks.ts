/**
 * Exclusive row locks, held by a transaction until it commits or rolls back.
 *
 * Postgres takes a row lock for every UPDATE, DELETE, SELECT ... FOR UPDATE
 * and (through the unique index) INSERT, at every isolation level. The
 * engine models one exclusive mode: FOR UPDATE and writes conflict with each
 * other and never with plain reads, which is what the statements it offers
 * need. Waiting for a lock is the database's business (see write-scan.ts);
 * this table only records who holds what.
 */
import type { RowKey, TxId } from './sql-types.ts';

export class RowLocks {
  private readonly byTable = new Map<string, Map<RowKey, TxId>>();
  private readonly held = new Map<TxId, Array<[string, RowKey]>>();

  holder(table: string, key: RowKey): TxId | undefined {
    return this.byTable.get(table)?.get(key);
  }

  /** Takes the lock for `tx`; the caller has checked that no other transaction holds it. */
  acquire(tx: TxId, table: string, key: RowKey): void {
    let locks = this.byTable.get(table);
    if (locks === undefined) this.byTable.set(table, (locks = new Map()));
    const current = locks.get(key);
    if (current === tx) return;
    if (current !== undefined) throw new Error(`row ${table}/${key} is locked by transaction ${current}`);
    locks.set(key, tx);
    let mine = this.held.get(tx);
    if (mine === undefined) this.held.set(tx, (mine = []));
    mine.push([table, key]);
  }

  releaseAll(tx: TxId): void {
    for (const [table, key] of this.held.get(tx) ?? []) this.byTable.get(table)!.delete(key);
    this.held.delete(tx);
  }
}
