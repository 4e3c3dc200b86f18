/**
 * The invariants of the sharded-transfer models, the same for both designs.
 * Each design says only when it is quiescent (no node, poller or the stub
 * has anything left to do); everything else is judged on the database's
 * committed rows, the statements that ran and the payee's books.
 *
 * Conservation, precisely: donor balance + receiver balance + paid out =
 * initial total + ahead, where `ahead` counts AMOUNT for each transfer whose
 * money has reached its receiver (credited, or paid to the payee) while its
 * block on the donor is still outstanding. Between stage 1 and stage 2 the
 * amount is on both sides, blocked on the donor so that it cannot be spent;
 * a parked withdrawal that was paid stays counted that way (covered by its
 * block), never as lost.
 */
import type { InvariantDef } from '../checker/define.ts';
import { delivered, outstanding, Row, type Bounds, type ShardedShape, type ShardedState } from './shape.ts';
import { ledgerOf } from './ledger.ts';

export function shardedInvariants(b: Bounds, quiescent: (s: ShardedState) => boolean): InvariantDef<ShardedShape>[] {
  const n = b.n;
  const m = ledgerOf(b);
  const every = (s: ShardedState, f: (s: ShardedState, t: number) => boolean): boolean => {
    for (let t = 0; t < n; t++) if (!f(s, t)) return false;
    return true;
  };
  return [
    {
      name: 'Conservation',
      description: 'donor + receiver balances + paid out = initial total + money credited ahead of its stage 2 (still blocked on the donor)',
      holds: (s) => m.donorBalance(s) + m.receiverBalance(s) + m.paidOut(s) === m.total + m.ahead(s),
    },
    {
      name: 'NoOverdraft',
      description: 'no available balance (balance minus blocked) below zero',
      holds: (s) => m.available(s) >= 0 && m.receiverBalance(s) >= 0,
    },
    {
      name: 'BlockSettledOnce',
      description: 'a block is committed or released at most once, never both',
      holds: (s) => every(s, (x, t) => x.commits[t]! + x.releases[t]! <= 1),
    },
    {
      name: 'NoCreditAndRelease',
      description: 'no transfer is both credited (or paid out) and released',
      holds: (s) => every(s, (x, t) => !(delivered(x, t) && x.releases[t]! > 0)),
    },
    {
      name: 'PaidAtMostOnce',
      description: 'a withdrawal is paid out at most once',
      holds: (s) => every(s, (x, t) => x.paid[t]! <= 1),
    },
    {
      name: 'NoStrandedBlock',
      description: 'when the system is quiescent, no block is outstanding except a parked reconciliation item',
      holds: (s) => !quiescent(s) || every(s, (x, t) => !outstanding(x, t) || x.row[t] === Row.parked),
    },
  ];
}
