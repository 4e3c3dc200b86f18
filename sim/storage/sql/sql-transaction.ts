/**
 * The state of one transaction: its level, its snapshot, its uncommitted
 * writes, what it read (for serializable conflict tracking), its
 * read-write antidependencies, and the statement it is blocked in, if any.
 *
 * A transaction is `active` until a statement fails (`aborted`: its writes
 * and locks are gone, but the client must still send ROLLBACK), and ends
 * `committed` or `rolled-back`.
 */
import type { IsolationLevel, Row, RowKey, TxId } from './sql-types.ts';
import type { PendingStatement } from './pending-statement.ts';

export type TxStatus = 'active' | 'aborted' | 'committed' | 'rolled-back';

/** One uncommitted row change; `before` is the committed row it replaces, `after` null for a delete. */
export interface RowWrite {
  readonly table: string;
  readonly key: RowKey;
  readonly before: Row | null;
  after: Row | null;
}

/** A read a serializable transaction made: which rows of which table it depended on. */
export interface ReadNote {
  readonly table: string;
  readonly test: (row: Row) => boolean;
}

export class SqlTransaction {
  status: TxStatus = 'active';
  /** The transaction snapshot (repeatable read and serializable), taken at its first statement. */
  snapshot: number | null = null;
  commitSeq: number | null = null;
  readonly writes = new Map<string, Map<RowKey, RowWrite>>();
  readonly reads: ReadNote[] = [];
  /** Serializable only: transactions that wrote what this one read an older version of. */
  readonly rwOut = new Set<TxId>();
  /** Serializable only: transactions that read an older version of what this one wrote. */
  readonly rwIn = new Set<TxId>();
  pending: PendingStatement | null = null;
  waitingFor: TxId | null = null;
  /** Virtual time at which the current lock wait began. */
  blockedAt = 0;

  constructor(
    readonly id: TxId,
    readonly level: IsolationLevel,
  ) {}

  get open(): boolean {
    return this.status === 'active' || this.status === 'aborted';
  }

  ownWrite(table: string, key: RowKey): RowWrite | undefined {
    return this.writes.get(table)?.get(key);
  }

  /** Records a change; a second change of the same row keeps the first `before`. */
  recordWrite(table: string, key: RowKey, before: Row | null, after: Row | null): RowWrite {
    let rows = this.writes.get(table);
    if (rows === undefined) this.writes.set(table, (rows = new Map()));
    const existing = rows.get(key);
    if (existing !== undefined) {
      existing.after = after;
      return existing;
    }
    const write: RowWrite = { table, key, before, after };
    rows.set(key, write);
    return write;
  }

  *allWrites(): Iterable<RowWrite> {
    for (const rows of this.writes.values()) yield* rows.values();
  }

  /** Forgets what an aborted or ended transaction would otherwise keep alive. */
  discard(): void {
    this.writes.clear();
    this.pending = null;
    this.waitingFor = null;
  }
}
