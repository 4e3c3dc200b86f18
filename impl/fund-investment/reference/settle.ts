/**
 * The reference design's last step: make the investor whole for whatever
 * the fund did not keep, then commit the terminal state together with one
 * outbox row per party (the transactional outbox).
 *
 * `kept` is how many applications of the withdrawal the outcome keeps: one
 * when the fund received the money, none when the transfer failed. Once the
 * last withdrawal request has expired, the investor service's count of
 * applications under the key is final; anything above `kept` (a failed
 * transfer, or a copy of the request that a non-idempotent service applied
 * twice) is refunded under one refund key, so a repeated refund pays
 * nothing more. Only then does the transaction become terminal, so money
 * out of the investor's account is always covered by an open transaction.
 */
import type { Row } from '../../ports/sql.ts';
import type { FundPorts, Party } from '../contract.ts';
import { OUTBOX } from '../schema.ts';
import { CALL_TIMEOUT_MS, refundKey, withdrawKey } from './keys.ts';
import { deliverFor } from './outbox.ts';
import type { Step } from './steps.ts';
import { transition } from './transition.ts';

const PARTIES: readonly Party[] = ['investor', 'fund'];

export async function settle(ports: FundPorts, row: Row, kept: 0 | 1): Promise<Step> {
  const id = row.id as string;
  let applied = 0;
  if ((row.attempt as number) > 0) {
    if (ports.clock.nowMs() < (row.expiresAtMs as number)) return 'wait';
    const l = await ports.investors.lookup({ key: withdrawKey(id) }, CALL_TIMEOUT_MS);
    if (l.kind !== 'reply') return 'wait';
    applied = l.value.applied;
  }
  const surplus = applied - kept;
  if (surplus > 0) {
    const refund = { transactionId: id, investor: row.investor as string, amountMinor: surplus * (row.amount as number), key: refundKey(id) };
    const r = await ports.investors.refund(refund, CALL_TIMEOUT_MS);
    if (r.kind !== 'reply') return 'wait';
  }
  const status = kept === 1 ? 'completed' : 'failed';
  const t = await transition(ports, row, kept === 1 ? 'COMPLETE' : 'FAILED', {}, async (run) => {
    for (const party of PARTIES) await run({ op: 'insert', table: OUTBOX, row: { id: `${id}:${party}`, transactionId: id, party, status, sent: false } });
  });
  if (t === 'unsure') return 'wait';
  // The fast path: deliver at once; the relay delivers whatever this misses.
  if (t === 'moved') await deliverFor(ports, id);
  return 'again';
}
