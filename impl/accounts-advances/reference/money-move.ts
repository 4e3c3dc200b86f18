/**
 * One recorded money movement in the reference accounts manager: a transfer
 * between two accounts or a bank transaction, as a single SQL transaction
 * that cannot be half-applied.
 *
 * The caller's key is looked up first: a key already recorded answers what
 * it answered the first time (a retry, a duplicated request, or another
 * worker collecting the same payment), so a key moves money at most once.
 * A repayment carries the fencing token of its worker's lease; a token
 * older than the one recorded with the key is refused (`fenced`), so a
 * worker that lost its lease learns it and stops. Both accounts are locked
 * in one statement, in key order (no deadlock between opposite transfers), the debit is a
 * conditional update (`balance = balance - a WHERE balance >= a`, checked
 * and written in one statement), and the row takes the next commit
 * position: the position counter is locked until COMMIT, so positions
 * follow commit order and every row at or below a committed position is
 * itself committed (what the report's snapshot relies on).
 */
import type { Row } from '../../ports/sql.ts';
import { addTo, inSet, inTransaction, type Run } from '../../sql/sql-session.ts';
import type { AccountsPorts, TransactionAnswer } from '../contract.ts';
import { ACCOUNTS, POSITIONS, REQUEST_KEYS, TRANSACTIONS, transactionRow, type TransactionFields } from '../schema.ts';
import { atLeast } from '../sql-terms.ts';

export interface Movement {
  key: string;
  from: string;
  to: string;
  amountMinor: number;
  fence: number | null;
  /** The fields of the row that are not about the outcome. */
  row: Pick<TransactionFields, 'kind' | 'src' | 'dst' | 'direction' | 'note' | 'requestKey' | 'advanceId' | 'paymentId'>;
}

const POSITION_ID = 'commit';

/** The transaction id for a commit position: zero-padded, so ids sort in commit order. */
export function transactionIdAt(seq: number): string {
  return `T${String(seq).padStart(10, '0')}`;
}

export async function move(ports: AccountsPorts, m: Movement): Promise<TransactionAnswer> {
  const outcome = await inTransaction<TransactionAnswer>(ports.sql, async (run) => {
    const seen = (await run({ op: 'selectForUpdate', table: REQUEST_KEYS, key: m.key })).rows[0];
    if (seen !== undefined) return { commit: false, value: replay(seen, m.fence) };
    const locked = await run({ op: 'selectForUpdateWhere', table: ACCOUNTS, where: inSet('id', [m.from, m.to]) });
    const missing = [m.from, m.to].find((id) => !locked.rows.some((r) => r.id === id));
    if (missing !== undefined) return { commit: false, value: { status: 'invalid', reason: `unknown account ${missing}` } };
    const a = m.amountMinor;
    const debited = await run({ op: 'update', table: ACCOUNTS, key: m.from, assign: addTo({ balance: -a }), where: atLeast('balance', a) });
    const moved = debited.rowCount > 0;
    if (moved) await run({ op: 'update', table: ACCOUNTS, key: m.to, assign: addTo({ balance: a }) });
    const seq = await nextPosition(run);
    const id = transactionIdAt(seq);
    const reason = moved ? null : 'insufficient funds';
    const status = moved ? 'success' : 'fail';
    const row = transactionRow({ ...m.row, id, atMs: ports.clock.nowMs(), amount: a, status, reason, seq });
    await run({ op: 'insert', table: TRANSACTIONS, row });
    await run({ op: 'insert', table: REQUEST_KEYS, row: { key: m.key, transactionId: id, status, reason, fence: m.fence } });
    return { commit: true, value: moved ? { status: 'success', transactionId: id } : { status: 'fail', transactionId: id, reason: 'insufficient funds' } };
  });
  switch (outcome.kind) {
    case 'committed':
    case 'refused':
      return outcome.value;
    case 'aborted':
      return { status: 'retry', reason: outcome.code };
    case 'unknown':
      return { status: 'retry', reason: 'the database did not answer; the transaction may exist, retry with the same key' };
  }
}

/** What a recorded key answers again; an older fencing token is refused. */
function replay(seen: Row, fence: number | null): TransactionAnswer {
  const recorded = seen.fence;
  if (fence !== null && typeof recorded === 'number' && fence < recorded) {
    return { status: 'fenced', reason: `lease token ${fence} is older than token ${recorded} already used for this payment` };
  }
  const transactionId = seen.transactionId as string;
  return seen.status === 'success' ? { status: 'success', transactionId } : { status: 'fail', transactionId, reason: String(seen.reason) };
}

/** Takes the next commit position; the counter row stays locked until this transaction ends. */
async function nextPosition(run: Run): Promise<number> {
  const bumped = await run({ op: 'update', table: POSITIONS, key: POSITION_ID, assign: addTo({ value: 1 }) });
  if (bumped.rowCount > 0) return bumped.rows[0]!.value as number;
  // The first transaction ever creates the counter; a racing first one loses on the key and retries.
  await run({ op: 'insert', table: POSITIONS, row: { id: POSITION_ID, value: 1 } });
  return 1;
}

export { POSITION_ID };
