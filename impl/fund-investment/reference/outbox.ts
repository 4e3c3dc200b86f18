/**
 * The reference design's outbox relay: notifications committed with a
 * transaction's terminal state are sent with the outbox row's id as the
 * message id, then marked sent. A crash between the send and the mark, a
 * lost reply, or two nodes relaying the same row send the message again
 * under the same id, which the notification service records once; a row is
 * never marked sent before the service acknowledged it, so none is lost.
 */
import type { Predicate, Row } from '../../ports/sql.ts';
import type { FundPorts, Notification } from '../contract.ts';
import { OUTBOX } from '../schema.ts';
import { and, eq, inTransaction, setValues, SQL_TIMEOUT_MS } from '../../sql/sql-session.ts';
import { CALL_TIMEOUT_MS } from './keys.ts';

/** Sends every unsent notification. */
export async function relay(ports: FundPorts): Promise<void> {
  for (const row of await unsent(ports, eq('sent', false))) await deliver(ports, row);
}

/** Sends the unsent notifications of one transaction (right after it became terminal). */
export async function deliverFor(ports: FundPorts, transactionId: string): Promise<void> {
  for (const row of await unsent(ports, and(eq('transactionId', transactionId), eq('sent', false)))) await deliver(ports, row);
}

async function unsent(ports: FundPorts, where: Predicate): Promise<readonly Row[]> {
  const r = await ports.sql.query({ op: 'selectWhere', table: OUTBOX, where }, SQL_TIMEOUT_MS);
  return r.kind === 'reply' && r.value.kind === 'ok' ? r.value.rows : [];
}

async function deliver(ports: FundPorts, row: Row): Promise<void> {
  const message: Notification = { messageId: row.id as string, transactionId: row.transactionId as string, party: row.party as Notification['party'], status: row.status as Notification['status'] };
  const sent = await ports.notifications.send(message, CALL_TIMEOUT_MS);
  if (sent.kind !== 'reply') return;
  await inTransaction(ports.sql, async (run) => {
    await run({ op: 'update', table: OUTBOX, key: row.id as string, assign: setValues({ sent: true }) });
    return { commit: true, value: null };
  });
}
