/**
 * Transaction scope 1 on the donor's node, the same in both designs except
 * for what the node remembers afterwards: check the donor's available balance
 * (balance minus blocked), block the amount and insert the transfer row.
 *
 * With ATOMIC the block is one conditional statement (UPDATE ... SET blocked
 * = blocked + amount WHERE balance - blocked >= amount): it blocks or it
 * refuses, in one step. Without it the node reads the account (Check), checks
 * in its own code, then writes (Block): other transactions commit in between.
 * The write is relative (blocked = blocked + amount), so at read committed the
 * race shows as a stale check that overdraws, not as a lost update. At
 * serializable the second writer of the donor's row since its read fails with
 * a serialization error (first updater wins) and the request is refused;
 * the client must retry.
 */
import type { ActionDef, action } from '../checker/define.ts';
import { AMOUNT, Req, Row, type Bounds, type ShardedShape, type ShardedState } from './shape.ts';
import { ledgerOf } from './ledger.ts';

type Act = typeof action<ShardedShape>;
type Def = ActionDef<ShardedShape>;

const donor = { actor: 'DonorNode', target: 'Database' };

/** A committed write to the donor's row: at serializable every open read of it is now stale. */
export function donorWriter(b: Bounds): (s: ShardedState) => void {
  if (!b.serializable || b.atomic) return () => {};
  return (s) => {
    for (let u = 0; u < b.n; u++) if (s.req[u] === Req.checked) s.stale[u] = 1;
  };
}

export function scope1Actions(act: Act, T: number[], b: Bounds, afterBlock: (s: ShardedState, t: number) => void): Def[] {
  const { available } = ledgerOf(b);
  const wrote = donorWriter(b);
  const block = (s: ShardedState, t: number): void => {
    s.req[t] = Req.closed;
    s.stale[t] = 0;
    s.row[t] = Row.blocked;
    wrote(s);
    afterBlock(s, t);
  };
  const refuse = act('Refuse', { t: T }, (s, t) => {
    if (s.req[t] !== Req.new || available(s) >= AMOUNT) return false;
    s.req[t] = Req.closed;
    return true;
  }, donor);
  if (b.atomic) {
    return [
      refuse,
      act('Block', { t: T }, (s, t) => {
        if (s.req[t] !== Req.new || available(s) < AMOUNT) return false;
        block(s, t);
        return true;
      }, donor),
    ];
  }
  return [
    refuse,
    act('Check', { t: T }, (s, t) => {
      if (s.req[t] !== Req.new || available(s) < AMOUNT) return false;
      s.req[t] = Req.checked;
      return true;
    }, donor),
    // The check passed earlier; the write does not look again.
    act('Block', { t: T }, (s, t) => {
      if (s.req[t] !== Req.checked || s.stale[t] === 1) return false;
      block(s, t);
      return true;
    }, donor),
    act('Abort', { t: T }, (s, t) => {
      if (s.req[t] !== Req.checked || s.stale[t] === 0) return false;
      s.req[t] = Req.closed;
      s.stale[t] = 0;
      return true;
    }, { actor: 'Database', target: 'DonorNode' }),
  ];
}
