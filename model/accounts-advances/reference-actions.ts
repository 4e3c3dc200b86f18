/**
 * The worker of accounts-advances/reference (see reference.ts): a lease
 * with a fencing token per payment, a bank transaction keyed by the
 * payment, and every later write conditional on the lease's token. Also the
 * lease clock: a lease whose holder crashed runs out (time passes, so this
 * step is fair), and the PAUSES fault lets a lease run out under a worker
 * that is still alive but paused, while the broker hands the task out again.
 */
import type { ActionDef, action } from '../checker/define.ts';
import { Answer, Pay, Stage, isHeld, release, slotsOf, type AdvancesShape, type AdvancesState, type Bounds } from './shape.ts';

type Act = typeof action<AdvancesShape>;
type Def = ActionDef<AdvancesShape>;

const worker = { actor: 'Worker', target: 'AccountsManager' };
const advancesDb = { actor: 'Worker', target: 'AdvancesDb' };

/** Worker w holds a payment at this stage. */
const holding = (s: AdvancesState, w: number, stage: number): boolean => s.held[w] !== 0 && s.stage[w] === stage;

/** Worker w's lease is still the payment's latest and the payment is still PROCESSING. */
const fenced = (s: AdvancesState, w: number): boolean => {
  const p = s.held[w]! - 1;
  return s.state[p] === Pay.processing && s.fence[p] === s.wfence[w];
};

/** Where a carried amount goes: the next later payment still due, else the first empty slot. */
function carryTarget(s: AdvancesState, b: Bounds, p: number): number {
  const slots = slotsOf(b);
  for (let q = p + 1; q < slots; q++) if (s.state[q] === Pay.due) return q;
  for (let q = 0; q < slots; q++) if (s.state[q] === Pay.none) return q;
  return -1;
}

export function referenceWorkerActions(act: Act, P: number[], W: number[], b: Bounds): Def[] {
  return [
    // One conditional update: a payment that is due, or whose lease ran out, is leased with the next token; anything else is acknowledged.
    act('Take', { w: W, p: P }, (s, w, p) => {
      if (s.held[w] !== 0 || !s.queued[p]) return false;
      s.queued[p] = false;
      if (s.state[p] === Pay.due || (s.state[p] === Pay.processing && s.expired[p])) {
        s.state[p] = Pay.processing;
        s.fence[p]! += 1;
        s.expired[p] = false;
        s.held[w] = p + 1;
        s.stage[w] = Stage.held;
        s.wfence[w] = s.fence[p]!;
        s.amt[w] = s.amount[p]!;
      }
      return true;
    }, { actor: 'Broker', target: 'Worker' }),
    // The manager applies a key once; asked again, it answers what it recorded (unkeyed: every call is new).
    act('Debit', { w: W }, (s, w) => {
      if (!holding(s, w, Stage.held)) return false;
      const p = s.held[w]! - 1;
      if (!b.keyed || s.answer[p] === Answer.none) {
        s.answer[p] = Answer.ok;
        s.debits[p]! += 1;
        s.bank += s.amt[w]!;
      }
      s.stage[w] = b.keyed && s.answer[p] === Answer.short ? Stage.short : Stage.debited;
      return true;
    }, worker),
    act('DebitShort', { w: W }, (s, w) => {
      if (!holding(s, w, Stage.held) || (b.keyed && s.answer[s.held[w]! - 1] !== Answer.none) || s.shortfalls >= b.shortfalls) return false;
      s.shortfalls += 1;
      s.answer[s.held[w]! - 1] = Answer.short;
      s.stage[w] = Stage.short;
      return true;
    }, worker),
    // The debit committed but its reply was lost: the worker asks again with the same key while its lease lasts.
    act('DebitReplyLost', { w: W }, (s, w) => {
      const p = s.held[w]! - 1;
      if (!holding(s, w, Stage.held) || (b.keyed && s.answer[p] !== Answer.none) || s.losses >= b.losses) return false;
      s.losses += 1;
      s.answer[p] = Answer.ok;
      s.debits[p]! += 1;
      s.bank += s.amt[w]!;
      return true;
    }, worker),
    act('MarkPaid', { w: W }, (s, w) => {
      if (!holding(s, w, Stage.debited)) return false;
      if (fenced(s, w)) s.state[s.held[w]! - 1] = Pay.paid;
      release(s, w);
      return true;
    }, advancesDb),
    // One transaction, under the lease: FAILED, and the amount added to the next due payment or a new one after the last.
    act('Carry', { w: W }, (s, w) => {
      if (!holding(s, w, Stage.short)) return false;
      const p = s.held[w]! - 1;
      if (fenced(s, w)) {
        const q = carryTarget(s, b, p);
        if (q < 0) return false;
        s.state[p] = Pay.failed;
        if (s.state[q] === Pay.none) s.state[q] = Pay.due;
        s.amount[q]! += s.amount[p]!;
      }
      release(s, w);
      return true;
    }, advancesDb),
  ];
}

export function leaseActions(act: Act, P: number[], b: Bounds): Def[] {
  return [
    act('Expire', { p: P }, (s, p) => {
      if (s.state[p] !== Pay.processing || s.expired[p] || isHeld(s, b, p)) return false;
      s.expired[p] = true;
      return true;
    }, { actor: 'Clock', target: 'AdvancesDb' }),
    act('Pause', { p: P }, (s, p) => {
      if (s.state[p] !== Pay.processing || s.expired[p] || s.queued[p] || !isHeld(s, b, p) || s.pauses >= b.pauses) return false;
      s.pauses += 1;
      s.expired[p] = true;
      s.queued[p] = true;
      return true;
    }, { actor: 'Faults', target: 'Broker' }),
  ];
}
