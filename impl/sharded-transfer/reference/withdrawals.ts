/**
 * Withdrawals in the reference design: a durable intent before anything
 * leaves the node, and settlement by status query, never by memory.
 *
 * For a BLOCKED withdrawal the node first asks the service for its status
 * (to learn the service's boot number), records the intent (state
 * SUBMITTED, with that boot) in one conditional transition, and only then
 * submits, with the transfer id as the withdrawal id. For a SUBMITTED one it
 * asks for the status: completed commits the block, failed releases it,
 * processing waits. "unknown" is the seed's gray area. If the service has
 * remembered everything since the boot recorded with the intent
 * (`rememberedSinceBoot` at or before it), the submission never arrived and
 * is sent again (idempotent by id). Otherwise the service forgot in a
 * restart: the payout may or may not have happened, so neither retrying
 * (a second payout) nor releasing (money created) is safe. The transfer is
 * parked as RECONCILE: its amount stays blocked and it is reported.
 */
import type { Row } from '../../ports/sql.ts';
import type { ShardedPorts } from '../contract.ts';
import { transition } from './stages.ts';

const CALL_TIMEOUT_MS = 500;

export async function advanceWithdrawal(ports: ShardedPorts, t: Row): Promise<void> {
  const id = t.id as string;
  const amount = t.amount as number;
  const donor = t.fromAccount as string;
  const status = await ports.withdrawals.status({ withdrawalId: id }, CALL_TIMEOUT_MS);
  if (status.kind !== 'reply') return;
  const { state, boot, rememberedSinceBoot } = status.value;
  if (state === 'completed') {
    await transition(ports, t, t.state as string, 'COMPLETE', [[donor, { balance: -amount, blocked: -amount }]]);
    return;
  }
  if (state === 'failed') {
    await transition(ports, t, t.state as string, 'RELEASED', [[donor, { blocked: -amount }]]);
    return;
  }
  if (state === 'processing') return;
  if (t.state === 'BLOCKED') {
    if ((await transition(ports, t, 'BLOCKED', 'SUBMITTED', [], { stubBoot: boot })) !== 'moved') return;
  } else if (rememberedSinceBoot > (t.stubBoot as number)) {
    await transition(ports, t, 'SUBMITTED', 'RECONCILE', []);
    return;
  }
  await ports.withdrawals.submit({ withdrawalId: id, payee: t.toAccount as string, amountMinor: amount }, CALL_TIMEOUT_MS);
}
