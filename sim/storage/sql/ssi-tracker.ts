/**
 * Serializable isolation on top of snapshot isolation, in the manner of
 * Postgres' Serializable Snapshot Isolation (SSI).
 *
 * Serializable transactions note what they read (a table and a predicate;
 * a read by key is the predicate "pk = key", so phantoms are covered). A
 * read-write antidependency R -rw-> W is recorded when R read a version
 * older than one W writes: either R reads after W wrote (W uncommitted, or
 * committed after R's snapshot), or W writes after R read (R still open, or
 * committed after W's snapshot). A predicate read conflicts with a write
 * when the row before or after the write matches it.
 *
 * Every cycle of dependencies among snapshot-isolated transactions contains
 * two consecutive rw edges A -rw-> B -rw-> C (A may be C). Both edges are
 * known before the last of A, B and C commits, so refusing a COMMIT that
 * would leave such a structure made only of committed transactions is sound.
 * It is coarser than Postgres (which also requires C to commit first):
 * it may abort where Postgres would not, never the other way round.
 *
 * Like Postgres, a statement of a still-open pivot B is refused at once
 * (`pivotDoomed`) when both its neighbours have committed and C committed
 * before A: no later COMMIT could save B, and Postgres raises the
 * serialization failure on that statement rather than at COMMIT.
 */
import type { EngineState } from './engine-state.ts';
import type { RowWrite, SqlTransaction } from './sql-transaction.ts';
import type { Row, TxId } from './sql-types.ts';

function touches(test: (row: Row) => boolean, write: RowWrite): boolean {
  return (write.before !== null && test(write.before)) || (write.after !== null && test(write.after));
}

function addEdge(reader: SqlTransaction, writer: SqlTransaction): void {
  if (reader.id === writer.id) return;
  reader.rwOut.add(writer.id);
  writer.rwIn.add(reader.id);
}

/** Records a serializable read and the rw edges to writers whose versions it could not see. */
export function noteRead(state: EngineState, reader: SqlTransaction, table: string, test: (row: Row) => boolean): void {
  if (reader.level !== 'serializable') return;
  reader.reads.push({ table, test });
  const snapshot = reader.snapshot!;
  for (const writer of state.txs.values()) {
    if (writer === reader || writer.level !== 'serializable') continue;
    const invisible = writer.status === 'active' || (writer.status === 'committed' && writer.commitSeq! > snapshot);
    if (!invisible) continue;
    for (const write of writer.writes.get(table)?.values() ?? []) {
      if (touches(test, write)) {
        addEdge(reader, writer);
        break;
      }
    }
  }
}

/** Records the rw edges from serializable readers that saw the version this write replaces. */
export function noteWrite(state: EngineState, writer: SqlTransaction, write: RowWrite): void {
  if (writer.level !== 'serializable') return;
  const snapshot = writer.snapshot!;
  for (const reader of state.txs.values()) {
    if (reader === writer || reader.level !== 'serializable' || reader.rwOut.has(writer.id)) continue;
    const concurrent = reader.status === 'active' || (reader.status === 'committed' && reader.commitSeq! > snapshot);
    if (!concurrent) continue;
    if (reader.reads.some((read) => read.table === write.table && touches(read.test, write))) addEdge(reader, writer);
  }
}

/**
 * Whether the open transaction `tx` is the pivot of A -rw-> tx -rw-> C with
 * A and C committed and C committed first: its statement fails now.
 */
export function pivotDoomed(state: EngineState, tx: SqlTransaction): boolean {
  if (tx.level !== 'serializable' || tx.rwIn.size === 0 || tx.rwOut.size === 0) return false;
  const commitSeqOf = (id: TxId): number | null => {
    const t = state.txs.get(id);
    return t !== undefined && t.status === 'committed' ? t.commitSeq! : null;
  };
  for (const c of tx.rwOut) {
    const cSeq = commitSeqOf(c);
    if (cSeq === null) continue;
    for (const a of tx.rwIn) {
      const aSeq = commitSeqOf(a);
      if (aSeq !== null && cSeq < aSeq) return true;
    }
  }
  return false;
}

/**
 * Whether committing `tx` would complete A -rw-> B -rw-> C among committed
 * transactions and `tx`. A transaction no longer in the engine's records was
 * committed: aborted ones take their edges with them.
 */
export function completesDangerousStructure(state: EngineState, tx: SqlTransaction): boolean {
  if (tx.level !== 'serializable') return false;
  const done = (id: TxId): boolean => id === tx.id || (state.txs.get(id)?.status ?? 'committed') === 'committed';
  const anyDone = (ids: Iterable<TxId>): boolean => {
    for (const id of ids) if (done(id)) return true;
    return false;
  };
  if (anyDone(tx.rwIn) && anyDone(tx.rwOut)) return true;
  for (const b of tx.rwOut) {
    const pivot = state.txs.get(b);
    if (pivot !== undefined && pivot.status === 'committed' && anyDone(pivot.rwOut)) return true;
  }
  for (const b of tx.rwIn) {
    const pivot = state.txs.get(b);
    if (pivot !== undefined && pivot.status === 'committed' && anyDone(pivot.rwIn)) return true;
  }
  return false;
}
