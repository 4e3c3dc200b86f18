/**
 * Scope 1 of the reference design: validate, then block the amount on the
 * donor and insert the transfer row in one transaction, made safe at read
 * committed and idempotent by the client's key.
 *
 * The block is a conditional atomic update (`blocked = blocked + a WHERE
 * balance - blocked >= a`): the database checks and writes in one statement
 * on the newest row version, so two racing transfers cannot both pass a
 * check that only one of them fits. The transfer row's id is the client's
 * key, so a retry finds the transfer it already made (and a concurrent
 * duplicate loses on the primary key and retries).
 */
import type { ShardedPorts, TransferAnswer, TransferRequest } from '../contract.ts';
import { ACCOUNTS, isPayee, TRANSFERS } from '../schema.ts';
import type { Row, SqlValue } from '../../ports/sql.ts';
import { addTo, availableAtLeast, inTransaction, type TxOutcome } from '../../sql/sql-session.ts';

export async function blockAndRecord(ports: ShardedPorts, req: TransferRequest): Promise<TransferAnswer> {
  if (!Number.isSafeInteger(req.amountMinor) || req.amountMinor <= 0) return { status: 'REJECTED', reason: 'INVALID_AMOUNT' };
  if (req.from === req.to) return { status: 'REJECTED', reason: 'UNKNOWN_ACCOUNT' };
  const owner = ports.ownerOf(req.from);
  if (owner !== ports.self) return { status: 'NOT_OWNER', owner };
  const external = isPayee(req.to);
  const outcome = await inTransaction<TransferAnswer>(ports.sql, async (run) => {
    const existing = await run({ op: 'select', table: TRANSFERS, key: req.key });
    if (existing.rowCount > 0) return { commit: false, value: answerFor(existing.rows[0]!.state, req.key) };
    if (!external) {
      const receiver = await run({ op: 'select', table: ACCOUNTS, key: req.to });
      if (receiver.rowCount === 0) return { commit: false, value: { status: 'REJECTED', reason: 'UNKNOWN_ACCOUNT' } };
    }
    const blocked = await run({ op: 'update', table: ACCOUNTS, key: req.from, assign: addTo({ blocked: req.amountMinor }), where: availableAtLeast(req.amountMinor) });
    if (blocked.rowCount === 0) {
      // The money may be short because this very transfer took it: a copy of
      // the request that committed while this one waited for the donor's row.
      // At read committed this new statement sees that commit.
      const again = await run({ op: 'select', table: TRANSFERS, key: req.key });
      if (again.rowCount > 0) return { commit: false, value: answerFor(again.rows[0]!.state, req.key) };
      const donor = await run({ op: 'select', table: ACCOUNTS, key: req.from });
      if (donor.rowCount === 0) return { commit: false, value: { status: 'REJECTED', reason: 'UNKNOWN_ACCOUNT' } };
      // The refusal is recorded against the key: a copy of this request that
      // arrives later, when the money may be there, must be refused too, or
      // the client that was told "rejected" would see the money move.
      await run({ op: 'insert', table: TRANSFERS, row: { ...transferRow(ports, req, external), state: 'REFUSED' } });
      return { commit: true, value: { status: 'REJECTED', reason: 'INSUFFICIENT_FUNDS' } };
    }
    await run({ op: 'insert', table: TRANSFERS, row: transferRow(ports, req, external) });
    return { commit: true, value: { status: 'ACCEPTED', transferId: req.key } };
  });
  return settleOutcome(outcome);
}

function transferRow(ports: ShardedPorts, req: TransferRequest, external: boolean): Row {
  return {
    id: req.key,
    requestKey: req.key,
    fromAccount: req.from,
    toAccount: req.to,
    fromNode: ports.self,
    toNode: external ? ports.self : ports.ownerOf(req.to),
    amount: req.amountMinor,
    kind: external ? 'withdrawal' : 'internal',
    state: 'BLOCKED',
    stubBoot: null,
  };
}

/** The answer a retry gets for a transfer that already has its row. */
function answerFor(state: SqlValue | undefined, key: string): TransferAnswer {
  return state === 'REFUSED' ? { status: 'REJECTED', reason: 'INSUFFICIENT_FUNDS' } : { status: 'ACCEPTED', transferId: key };
}

function settleOutcome(outcome: TxOutcome<TransferAnswer>): TransferAnswer {
  switch (outcome.kind) {
    case 'committed':
    case 'refused':
      return outcome.value;
    case 'aborted':
      return { status: 'RETRY', reason: outcome.code };
    case 'unknown':
      return { status: 'RETRY', reason: 'the database did not answer; the transfer may exist, retry with the same key' };
  }
}
