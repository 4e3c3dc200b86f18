/**
 * Scopes 2 and 3 of the reference design, each one transaction whose first
 * statement is a conditional state transition (`UPDATE transfers SET state =
 * 'CREDITED' WHERE id = $1 AND state = 'BLOCKED'`). The transition and the
 * money it moves commit together, and a second attempt (a duplicate poll, a
 * redelivery after a lost commit reply, another incarnation after a crash)
 * finds the state already moved and changes nothing: every stage is
 * idempotent and can be resumed by whichever incarnation polls next.
 */
import type { Row } from '../../ports/sql.ts';
import type { ShardedPorts } from '../contract.ts';
import { ACCOUNTS, TRANSFERS } from '../schema.ts';
import { addTo, and, eq, inSet, inTransaction, setValues, SQL_TIMEOUT_MS } from '../../sql/sql-session.ts';

/**
 * What a transition did: `moved` committed; `already` found the transfer in
 * another state (someone did it); `no-account` found an account missing;
 * `unsure` lost the transaction to an abort or a missing reply, and the next
 * poll tries again.
 */
export type Transition = 'moved' | 'already' | 'no-account' | 'unsure';

/** Moves a transfer from one state to another and applies `deltas` to accounts, atomically. */
export async function transition(ports: ShardedPorts, t: Row, from: string, to: string, deltas: ReadonlyArray<[string, Record<string, number>]>, extra: Record<string, string | number> = {}): Promise<Transition> {
  const outcome = await inTransaction<Transition>(ports.sql, async (run) => {
    const moved = await run({ op: 'update', table: TRANSFERS, key: t.id as string, assign: setValues({ state: to, ...extra }), where: eq('state', from) });
    if (moved.rowCount === 0) return { commit: false, value: 'already' };
    for (const [account, delta] of deltas) {
      const touched = await run({ op: 'update', table: ACCOUNTS, key: account, assign: addTo(delta) });
      if (touched.rowCount === 0) return { commit: false, value: 'no-account' };
    }
    return { commit: true, value: 'moved' };
  });
  return outcome.kind === 'committed' || outcome.kind === 'refused' ? outcome.value : 'unsure';
}

/** Scope 2, on the receiver's node: credit the receiver and mark stage 1 (or FAILED if the receiver is gone). */
export async function credit(ports: ShardedPorts, t: Row): Promise<void> {
  const amount = t.amount as number;
  const done = await transition(ports, t, 'BLOCKED', 'CREDITED', [[t.toAccount as string, { balance: amount }]]);
  if (done === 'no-account') await transition(ports, t, 'BLOCKED', 'FAILED', []);
}

/** Scope 3, on the donor's node: commit the block of a credited transfer, or release a failed one. */
export async function settle(ports: ShardedPorts, t: Row): Promise<void> {
  const amount = t.amount as number;
  const donor = t.fromAccount as string;
  if (t.state === 'CREDITED') await transition(ports, t, 'CREDITED', 'COMPLETE', [[donor, { balance: -amount, blocked: -amount }]]);
  else if (t.state === 'FAILED') await transition(ports, t, 'FAILED', 'RELEASED', [[donor, { blocked: -amount }]]);
}

/** Transfers of this node in one of `states`, by the side of the transfer the node acts for. */
export async function pending(ports: ShardedPorts, side: 'fromNode' | 'toNode', states: readonly string[], kind: string): Promise<readonly Row[]> {
  const where = and(eq(side, ports.self), eq('kind', kind), inSet('state', states));
  const r = await ports.sql.query({ op: 'selectWhere', table: TRANSFERS, where }, SQL_TIMEOUT_MS);
  return r.kind === 'reply' && r.value.kind === 'ok' ? r.value.rows : [];
}
