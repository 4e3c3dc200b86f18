/**
 * A worker crash, the same fault in both designs: the worker's memory of
 * every transaction it was handling is lost, and the queue redelivers their
 * messages (the transaction rows are untouched). It is taken only when it
 * loses something, so that it never just burns the budget.
 */
import type { ActionDef, action } from '../checker/define.ts';
import { Pc, type Bounds, type FundShape } from './shape.ts';

export function crashAction(act: typeof action<FundShape>, b: Bounds): ActionDef<FundShape> {
  return act('Crash', {}, (s) => {
    if (s.crashes >= b.crashes) return false;
    let busy = false;
    for (let t = 0; t < b.n; t++) if (s.pc[t] !== Pc.idle) busy = true;
    if (!busy) return false;
    s.crashes += 1;
    for (let t = 0; t < b.n; t++) s.pc[t] = Pc.idle;
    return true;
  }, { actor: 'Faults', target: 'Worker' });
}
