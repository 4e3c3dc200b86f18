/**
 * The fund-investment models find what they should: the naive design's race
 * for the last seat (money withdrawn under a FAILED transaction, with no
 * fault), the refused remittance, the double withdrawal after a lost reply
 * against a non-idempotent investor service, the second remittance after a
 * crash and the lost notification, each by a shortest trace; and nothing in
 * the reference, whose checks are shown not to be vacuous by breaking its
 * refund, its seat reservation and its outbox on purpose.
 */
import { describe, expect, it } from 'vitest';
import { erase, type ActionDef } from '../../model/checker/define.ts';
import type { Shape } from '../../model/checker/shape.ts';
import type { CheckResult } from '../../model/checker/result.ts';
import { checkModel, model } from './run-model.ts';

const invariants = ['MoneyConserved', 'NoOrphanedMoney', 'RemittedAtMostOnce', 'NoRefundWithoutWithdrawal', 'SeatsRespected', 'StateMatchesBooks', 'NotifiedAtMostOnce', 'NotifiedExactlyOnce', 'SeatsReleased'];

function violation(r: CheckResult) {
  if (r.kind !== 'violation') throw new Error(`expected a violation, got ${r.kind}`);
  return r.violation;
}

const actions = (r: CheckResult): (string | null)[] => violation(r).trace.map((s) => s.action);

type Books = { withdrawn: Int32Array; refunded: Int32Array; notes: Int32Array; seat: Int32Array };

describe('fund-investment/naive', () => {
  const def = model('fund-investment/naive');
  const one = ['N=1'];

  it('two investors pass the seat check for the last seat; the loser is FAILED with its money withdrawn (no fault)', () => {
    const r = checkModel(def, []);
    expect(violation(r).property).toBe('NoOrphanedMoney');
    expect(actions(r)).toEqual([null, 'Check(t=0)', 'Check(t=1)', 'Withdraw(t=0)', 'Withdraw(t=1)', 'Remit(t=0)', 'RemitRejected(t=1)']);
    const last = violation(r).trace.at(-1)!.state;
    expect(last['row']).toEqual(['queued', 'failed']);
    expect(last['withdrawn']).toEqual([1, 1]);
  });

  it('a remittance refused after the withdrawal leaves the money nowhere', () => {
    const r = checkModel(def, [...one, 'REFUSALS=1']);
    expect(violation(r).property).toBe('NoOrphanedMoney');
    expect(actions(r)).toEqual([null, 'Check(t=0)', 'Withdraw(t=0)', 'RemitRefused(t=0)']);
  });

  it('a lost withdrawal reply, retried against a non-idempotent service, withdraws twice; an idempotent one is safe', () => {
    const r = checkModel(def, [...one, 'LOSSES=1']);
    expect(violation(r).property).toBe('NoOrphanedMoney');
    expect(actions(r)).toEqual([null, 'Check(t=0)', 'WithdrawReplyLost(t=0)', 'Withdraw(t=0)', 'Remit(t=0)', 'Complete(t=0)']);
    expect(checkModel(def, [...one, 'LOSSES=1', 'IDEMPOTENT=TRUE']).kind).toBe('ok');
  });

  it('a crash between the commit and the notification loses it, and the investment never settles', () => {
    const r = checkModel(def, [...one, 'CRASHES=1']);
    expect(violation(r).property).toBe('NotifiedExactlyOnce');
    expect(actions(r)).toEqual([null, 'Check(t=0)', 'Withdraw(t=0)', 'Remit(t=0)', 'Complete(t=0)', 'Crash']);
    const live = violation(checkModel(def, [...one, 'CRASHES=1'], { skip: invariants }));
    expect(live.kind).toBe('liveness');
    expect(live.property).toBe('Settles_0');
  });

  it('a crash between the remittance and the commit remits again on redelivery', () => {
    const r = checkModel(def, [...one, 'CRASHES=1'], { skip: ['NotifiedExactlyOnce'] });
    expect(violation(r).property).toBe('RemittedAtMostOnce');
    expect(actions(r)).toEqual([null, 'Check(t=0)', 'Withdraw(t=0)', 'Remit(t=0)', 'Crash', 'Withdraw(t=0)', 'Remit(t=0)']);
  });
});

describe('fund-investment/reference', () => {
  const def = model('fund-investment/reference');
  const settles = ['Settles_0', 'Settles_1', 'Settles_2'];
  const defaults = { N: 3, SEATS: 2, IDEMPOTENT: 0, CRASHES: 1, LOSSES: 1, DUPLICATES: 1, REFUSALS: 1 };

  it('holds every invariant and settles every investment (three investors, two seats, non-idempotent service, every fault)', () => {
    const r = checkModel(def, []);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.stats.distinctStates).toBe(17938);
    expect(r.invariantsChecked).toEqual(invariants);
    expect(r.propertiesChecked).toEqual(settles);
    // Every action fired: seat refusals, lookups, refunds, relay crashes and worker crashes were all exercised.
    expect(r.stats.neverFired).toEqual([]);
  });

  it('with two of each fault and one seat still holds and settles', () => {
    const r = checkModel(def, ['N=2', 'SEATS=1', 'CRASHES=2', 'LOSSES=2', 'DUPLICATES=2', 'REFUSALS=2']);
    expect(r.kind).toBe('ok');
  });

  /** The reference with one action's effect changed after it ran. */
  function broken(name: string, change: (s: Books, t: number, notesBefore: number) => void, constants: Record<string, number> = defaults) {
    const spec = def.build(constants);
    const original = spec.actions.find((a) => a.name === name)!;
    const patched: ActionDef<Shape> = {
      ...original,
      run: (s, t, b, c) => {
        const books = s as unknown as Books;
        const notesBefore = books.notes[t!]!;
        if (!original.run(s, t, b, c)) return false;
        change(books, t!, notesBefore);
        return true;
      },
    };
    const erased = erase({ ...spec, actions: spec.actions.map((a) => (a.name === name ? patched : a)) });
    return { ...def, build: () => erased };
  }

  it('a seat check that does not hold the seat (the naive read up front) lets the fund take more investors than its seats', () => {
    const unheld = broken('Reserve', (s, t) => {
      s.seat[t] = 0;
    });
    const v = violation(checkModel(unheld, [], { skip: settles }));
    expect(v.property).toBe('SeatsRespected');
  });

  it('an undo that releases the seat without the compensating refund is caught', () => {
    const noRefund = broken('Undo', (s, t) => {
      s.refunded[t] = 0;
    });
    const v = violation(checkModel(noRefund, [], { skip: settles }));
    expect(v.property).toBe('NoOrphanedMoney');
  });

  it('a completion that keeps the surplus of a doubly applied withdrawal is caught', () => {
    const noSurplus = broken('Finish', (s, t) => {
      s.refunded[t] = 0;
    });
    const v = violation(checkModel(noSurplus, [], { skip: settles }));
    expect(v.property).toBe('NoOrphanedMoney');
    expect(v.trace.map((x) => x.action).some((a) => a?.startsWith('WithdrawDuplicated'))).toBe(true);
  });

  it('a relay whose message ids are fresh on every send records a resent notification twice', () => {
    const fresh = broken('Relay', (s, t, notesBefore) => {
      s.notes[t] = notesBefore + 1;
    });
    const v = violation(checkModel(fresh, [], { skip: settles }));
    expect(v.property).toBe('NotifiedAtMostOnce');
    expect(v.trace.map((x) => x.action).some((a) => a?.startsWith('RelayCrash'))).toBe(true);
  });
});
