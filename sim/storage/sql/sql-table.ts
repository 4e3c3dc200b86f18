/**
 * One table of the simulated database: its schema and, per primary key, the
 * chain of committed versions (multi-version concurrency control, as
 * Postgres keeps tuple versions).
 *
 * Each committed version carries the commit sequence number of the
 * transaction that wrote it; a snapshot is such a number, and sees for each
 * key the newest version at or below it. A deleted row is a version whose row
 * is null. Uncommitted writes never live here: they stay in their
 * transaction's write set until commit.
 */
import type { Row, RowKey, TxId } from './sql-types.ts';

export interface TableSchema {
  readonly name: string;
  /** The primary-key column; its values must be strings or numbers. */
  readonly primaryKey: string;
  /** Further columns with a UNIQUE constraint (NULLs never conflict, as in SQL). */
  readonly unique?: readonly string[];
}

export interface Version {
  readonly seq: number;
  readonly row: Row | null;
  readonly tx: TxId;
}

/** Numbers before strings, then natural order: the order of every scan. */
export function compareKeys(a: RowKey, b: RowKey): number {
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export class SqlTable {
  private readonly chains = new Map<RowKey, Version[]>();
  private sorted: RowKey[] | null = [];
  /** Keys whose chain holds more than one version, so that vacuum stays cheap. */
  private readonly dirty = new Set<RowKey>();

  constructor(readonly schema: TableSchema) {}

  /** The primary key of a row; a row without one is the caller's mistake. */
  keyOf(row: Row): RowKey {
    const key = row[this.schema.primaryKey];
    if (typeof key !== 'string' && typeof key !== 'number') {
      throw new Error(`row for table ${this.schema.name} lacks a string or number ${this.schema.primaryKey}`);
    }
    return key;
  }

  /** The newest committed version of a key, whatever the snapshot. */
  newest(key: RowKey): Version | undefined {
    const chain = this.chains.get(key);
    return chain === undefined ? undefined : chain[chain.length - 1];
  }

  /** The version a snapshot sees: the newest one committed at or before it. */
  visible(key: RowKey, snapshot: number): Version | undefined {
    const chain = this.chains.get(key);
    if (chain === undefined) return undefined;
    for (let i = chain.length - 1; i >= 0; i--) if (chain[i]!.seq <= snapshot) return chain[i];
    return undefined;
  }

  /**
   * Makes a key known to scans before any version of it is committed, so
   * that a transaction's own uncommitted insert shows up in its own scans.
   */
  noteKey(key: RowKey): void {
    if (this.chains.has(key)) return;
    this.chains.set(key, []);
    this.sorted = null;
  }

  install(key: RowKey, version: Version): void {
    this.noteKey(key);
    const chain = this.chains.get(key)!;
    chain.push(version);
    if (chain.length > 1) this.dirty.add(key);
  }

  /** Every key ever written or reserved, in scan order. */
  keys(): readonly RowKey[] {
    if (this.sorted === null) this.sorted = [...this.chains.keys()].sort(compareKeys);
    return this.sorted;
  }

  /** Drops versions no snapshot can see any more; called when no transaction is open. */
  vacuum(): void {
    for (const key of this.dirty) {
      const chain = this.chains.get(key)!;
      chain.splice(0, chain.length - 1);
    }
    this.dirty.clear();
  }
}
