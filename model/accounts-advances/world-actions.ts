/**
 * What both accounts-advances designs share outside the worker's code: the
 * beat, which enqueues a task for each payment that is due (or whose lease
 * ran out) when no task for it is queued or held; the broker's duplicate
 * delivery of a task while a worker still holds it; and worker crashes,
 * which lose the worker's memory and leave its task unacknowledged, so the
 * beat enqueues the payment again while it is still due.
 */
import type { ActionDef, action } from '../checker/define.ts';
import { Pay, isHeld, release, type AdvancesShape, type Bounds } from './shape.ts';

type Act = typeof action<AdvancesShape>;
type Def = ActionDef<AdvancesShape>;

export function worldActions(act: Act, P: number[], W: number[], b: Bounds): Def[] {
  return [
    act('Beat', { p: P }, (s, p) => {
      if (s.queued[p] || isHeld(s, b, p)) return false;
      if (s.state[p] !== Pay.due && !(s.state[p] === Pay.processing && s.expired[p])) return false;
      s.queued[p] = true;
      return true;
    }, { actor: 'Beat', target: 'Broker' }),
    act('Duplicate', { p: P }, (s, p) => {
      if (s.queued[p] || !isHeld(s, b, p) || s.duplicates >= b.duplicates) return false;
      s.duplicates += 1;
      s.queued[p] = true;
      return true;
    }, { actor: 'Faults', target: 'Broker' }),
    act('Crash', { w: W }, (s, w) => {
      if (s.held[w] === 0 || s.crashes >= b.crashes) return false;
      s.crashes += 1;
      release(s, w);
      return true;
    }, { actor: 'Faults', target: 'Worker' }),
  ];
}
