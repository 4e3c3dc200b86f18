/**
 * The reference design's state machine, one step per state. A transaction
 * goes QUEUED → RESERVED (a seat held at the fund before any money moves)
 * → WITHDRAWING (the attempt and its expiry recorded before the call) →
 * WITHDRAWN → REMITTED → COMPLETE, or into UNDOING (seat refused, money
 * short, remittance rejected) → FAILED. The terminal step (settle.ts)
 * refunds whatever the investor paid and the fund did not keep.
 *
 * Every step is safe to run again and by two workers at once: the seat
 * reservation is idempotent by transaction id, the remittance by key, and a
 * withdrawal is sent only by the worker whose transition to WITHDRAWING won
 * (the optimistic lock); an unknown withdrawal outcome is settled by a
 * lookup after the request's expiry, never by sending it again blindly.
 */
import type { Row } from '../../ports/sql.ts';
import type { FundPorts, ReserveOutcome, RemitReason } from '../contract.ts';
import { TERMINAL_STATES } from '../schema.ts';
import { CALL_TIMEOUT_MS, remitKey, withdrawKey, WITHDRAW_EXPIRY_MS } from './keys.ts';
import { settle } from './settle.ts';
import { advanced, transition, type Transition } from './transition.ts';

/** again: re-read and take the next step; wait: leave it for a later round; terminal: done for good. */
export type Step = 'again' | 'wait' | 'terminal';

/** Withdrawal attempts before the transaction fails (each after the previous one provably did not apply). */
const ATTEMPTS_MAX = 3;

export function step(ports: FundPorts, row: Row): Promise<Step> {
  switch (row.state) {
    case 'QUEUED':
      return reserveSeat(ports, row);
    case 'RESERVED':
      return startWithdrawal(ports, row);
    case 'WITHDRAWING':
      return resolveWithdrawal(ports, row);
    case 'WITHDRAWN':
      return remit(ports, row);
    case 'UNDOING':
      return undo(ports, row);
    case 'REMITTED':
      return settle(ports, row, 1);
    default:
      return Promise.resolve(TERMINAL_STATES.has(row.state as string) ? 'terminal' : 'wait');
  }
}

const next = (t: Transition): Step => (t === 'unsure' ? 'wait' : 'again');

function move(row: Row): { fund: string; transactionId: string; investor: string; amountMinor: number } {
  return { fund: row.fund as string, transactionId: row.id as string, investor: row.investor as string, amountMinor: row.amount as number };
}

const RESERVE_REASONS: Record<Exclude<ReserveOutcome, 'reserved'>, string> = { 'full': 'FUND_FULL', 'below-minimum': 'BELOW_MINIMUM', 'unknown-fund': 'UNKNOWN_ACCOUNT' };
const REMIT_REASONS: Record<RemitReason, string> = { 'full': 'FUND_FULL', 'below-minimum': 'BELOW_MINIMUM', 'unknown-fund': 'UNKNOWN_ACCOUNT', 'refused': 'REMITTANCE_REFUSED' };

async function reserveSeat(ports: FundPorts, row: Row): Promise<Step> {
  const r = await ports.funds.reserve(move(row), CALL_TIMEOUT_MS);
  if (r.kind !== 'reply') return 'wait';
  const outcome = r.value.outcome;
  if (outcome === 'reserved') return next(await transition(ports, row, 'RESERVED'));
  return next(await transition(ports, row, 'UNDOING', { reason: RESERVE_REASONS[outcome] }));
}

async function startWithdrawal(ports: FundPorts, row: Row): Promise<Step> {
  const extra = { attempt: (row.attempt as number) + 1, expiresAtMs: ports.clock.nowMs() + WITHDRAW_EXPIRY_MS };
  const t = await transition(ports, row, 'WITHDRAWING', extra);
  if (t !== 'moved') return next(t);
  const id = row.id as string;
  const w = await ports.investors.withdraw({ transactionId: id, investor: row.investor as string, amountMinor: row.amount as number, key: withdrawKey(id), expiresAtMs: extra.expiresAtMs }, CALL_TIMEOUT_MS);
  // Without a reply (or with "expired") the outcome is settled by resolveWithdrawal after the expiry.
  if (w.kind !== 'reply' || w.value.outcome === 'expired') return 'again';
  const now = advanced(row, 'WITHDRAWING', extra);
  if (w.value.outcome === 'applied') return next(await transition(ports, now, 'WITHDRAWN'));
  return next(await transition(ports, now, 'UNDOING', { reason: w.value.outcome === 'insufficient' ? 'INSUFFICIENT_FUNDS' : 'UNKNOWN_ACCOUNT' }));
}

/** A withdrawal whose outcome nobody recorded: after its expiry, the investor service's count decides. */
async function resolveWithdrawal(ports: FundPorts, row: Row): Promise<Step> {
  if (ports.clock.nowMs() < (row.expiresAtMs as number)) return 'wait';
  const l = await ports.investors.lookup({ key: withdrawKey(row.id as string) }, CALL_TIMEOUT_MS);
  if (l.kind !== 'reply') return 'wait';
  if (l.value.applied > 0) return next(await transition(ports, row, 'WITHDRAWN'));
  if ((row.attempt as number) < ATTEMPTS_MAX) return next(await transition(ports, row, 'RESERVED'));
  return next(await transition(ports, row, 'UNDOING', { reason: 'WITHDRAWAL_FAILED' }));
}

async function remit(ports: FundPorts, row: Row): Promise<Step> {
  const r = await ports.funds.remit({ ...move(row), key: remitKey(row.id as string) }, CALL_TIMEOUT_MS);
  if (r.kind !== 'reply') return 'wait';
  if (r.value.outcome === 'applied') return next(await transition(ports, row, 'REMITTED'));
  return next(await transition(ports, row, 'UNDOING', { reason: REMIT_REASONS[r.value.reason ?? 'refused'] }));
}

/** The transfer failed: free the seat (idempotent), then refund and settle. */
async function undo(ports: FundPorts, row: Row): Promise<Step> {
  const r = await ports.funds.release({ fund: row.fund as string, transactionId: row.id as string }, CALL_TIMEOUT_MS);
  if (r.kind !== 'reply') return 'wait';
  return settle(ports, row, 0);
}
