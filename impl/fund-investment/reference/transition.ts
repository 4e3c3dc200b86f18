/**
 * The reference design's one way of changing a transaction: an optimistic
 * transition. It writes the new state and bumps the version `WHERE id = $1
 * AND version = $2`, with whatever else must commit with it (the outbox
 * rows of a terminal state), in one SQL transaction. Of two workers holding
 * the same transaction (a duplicate delivery, a redelivery while the first
 * is still at work) only one moves it; the other sees `conflict`, re-reads
 * and carries on from where the winner left it. Each external call is made
 * only after the transition that announces it, so the loser of a race never
 * makes a call that the winner's state does not account for.
 */
import type { Row, SqlValue } from '../../ports/sql.ts';
import type { FundPorts } from '../contract.ts';
import { TRANSACTIONS } from '../schema.ts';
import { eq, inTransaction, setValues, SQL_TIMEOUT_MS, type Run } from '../../sql/sql-session.ts';

/** moved: committed; conflict: someone else moved it first; unsure: aborted or no reply (the next round re-reads). */
export type Transition = 'moved' | 'conflict' | 'unsure';

export async function transition(ports: FundPorts, row: Row, to: string, extra: Readonly<Record<string, SqlValue>> = {}, also?: (run: Run) => Promise<void>): Promise<Transition> {
  const version = row.version as number;
  const outcome = await inTransaction<Transition>(ports.sql, async (run) => {
    const assign = setValues({ state: to, version: version + 1, updatedAtMs: ports.clock.nowMs(), ...extra });
    const moved = await run({ op: 'update', table: TRANSACTIONS, key: row.id as string, assign, where: eq('version', version) });
    if (moved.rowCount === 0) return { commit: false, value: 'conflict' };
    if (also !== undefined) await also(run);
    return { commit: true, value: 'moved' };
  });
  return outcome.kind === 'committed' || outcome.kind === 'refused' ? outcome.value : 'unsure';
}

/** The row as the transition just wrote it, for a caller that goes on without re-reading. */
export function advanced(row: Row, to: string, extra: Readonly<Record<string, SqlValue>> = {}): Row {
  return { ...row, ...extra, state: to, version: (row.version as number) + 1 };
}

/** The committed row of a transaction (an autocommit read): the row, null if there is none, or 'unsure' without an answer. */
export async function readTransaction(ports: FundPorts, id: string): Promise<Row | null | 'unsure'> {
  const r = await ports.sql.query({ op: 'select', table: TRANSACTIONS, key: id }, SQL_TIMEOUT_MS);
  if (r.kind !== 'reply' || r.value.kind !== 'ok') return 'unsure';
  return r.value.rows[0] ?? null;
}
