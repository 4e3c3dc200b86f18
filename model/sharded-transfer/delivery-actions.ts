/**
 * The hand-off of a blocked transfer row to the receiver's node, the same in
 * both designs: the database is the only channel, so the receiver's node
 * polls committed rows at stage 0 for its accounts and queues each in memory.
 * A poll does not pick a row it already has queued, but a stage can still be
 * delivered twice (two poll ticks overlapping a slow transaction, a second
 * instance): that is the DUPLICATES fault.
 */
import type { ActionDef, action } from '../checker/define.ts';
import { Row, isWithdrawal, type Bounds, type ShardedShape } from './shape.ts';

type Act = typeof action<ShardedShape>;
type Def = ActionDef<ShardedShape>;

export function deliveryActions(act: Act, T: number[], b: Bounds): Def[] {
  const internal = T.filter((t) => !isWithdrawal(b, t));
  return [
    act('Poll', { t: internal }, (s, t) => {
      if (s.row[t] !== Row.blocked || s.inbox[t] !== 0) return false;
      s.inbox[t] = 1;
      return true;
    }, { actor: 'Database', target: 'ReceiverNode' }),
    act('Duplicate', { t: internal }, (s, t) => {
      if (s.inbox[t] !== 1 || s.duplicates >= b.duplicates) return false;
      s.duplicates += 1;
      s.inbox[t] = 2;
      return true;
    }, { actor: 'Faults', target: 'ReceiverNode' }),
  ];
}
