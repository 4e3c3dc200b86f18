/**
 * The accounts-advances models find what they should: the naive design
 * collects a payment twice after a duplicate delivery, a crash between the
 * debit and the payment row, or a lost reply, and loses a carried amount in
 * a payment already paid, each by a shortest trace; the reference design
 * holds every invariant and repays the advance under fairness, and without
 * its keyed bank transactions collects twice again (so its checks are not
 * vacuous).
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../model/checker/result.ts';
import { checkModel, model } from './run-model.ts';

const invariants = ['CollectedOnce', 'NotOverCollected', 'Reconciliation', 'RepaidAtQuiescence'];

function violation(r: CheckResult) {
  if (r.kind !== 'violation') throw new Error(`expected a violation, got ${r.kind}`);
  return r.violation;
}

const actions = (r: CheckResult): (string | null)[] => violation(r).trace.map((s) => s.action);

describe('accounts-advances/naive', () => {
  const def = model('accounts-advances/naive');
  // One worker and only the fault under test.
  const alone = ['WORKERS=1', 'CRASHES=0', 'DUPLICATES=0', 'LOSSES=0', 'SHORTFALLS=0'];

  it('collects a payment twice when the broker delivers its task to a second worker', () => {
    const r = checkModel(def, []);
    expect(violation(r).property).toBe('CollectedOnce');
    expect(actions(r)).toEqual([null, 'Beat(p=0)', 'Take(w=0, p=0)', 'Duplicate(p=0)', 'Take(w=1, p=0)', 'DebitOk(w=0)', 'DebitOk(w=1)']);
    expect(violation(r).trace.at(-1)!.state['debits']).toEqual([2, 0, 0]);
  });

  it('collects a payment twice when the worker crashes between the debit and the payment row', () => {
    const r = checkModel(def, [...alone, 'CRASHES=1']);
    expect(violation(r).property).toBe('CollectedOnce');
    expect(actions(r)).toEqual([null, 'Beat(p=0)', 'Take(w=0, p=0)', 'DebitOk(w=0)', 'Crash(w=0)', 'Beat(p=0)', 'Take(w=0, p=0)', 'DebitOk(w=0)']);
  });

  it("collects a payment twice when the manager's reply is lost and the task is handed out again", () => {
    const r = checkModel(def, [...alone, 'LOSSES=1']);
    expect(violation(r).property).toBe('CollectedOnce');
    expect(actions(r)).toEqual([null, 'Beat(p=0)', 'Take(w=0, p=0)', 'DebitReplyLost(w=0)', 'Beat(p=0)', 'Take(w=0, p=0)', 'DebitOk(w=0)']);
  });

  it('loses a failed week carried into the following payment after that one was already paid', () => {
    const r = checkModel(def, ['CRASHES=0', 'LOSSES=0'], { skip: ['CollectedOnce', 'NotOverCollected'] });
    expect(violation(r).property).toBe('RepaidAtQuiescence');
    expect(actions(r).slice(-4)).toEqual(['DebitOk(w=1)', 'DebitShort(w=0)', 'MarkPaid(w=1)', 'Carry(w=0)']);
    const last = violation(r).trace.at(-1)!.state;
    expect(last['state']).toEqual(['failed', 'paid', 'none']);
    expect(last['bank']).toBe(1);
  });

  it('carries a week twice when two workers hold it and both are refused', () => {
    const r = checkModel(def, ['CRASHES=0', 'LOSSES=0', 'SHORTFALLS=2'], { skip: ['CollectedOnce', 'NotOverCollected', 'RepaidAtQuiescence'] });
    expect(violation(r).property).toBe('Reconciliation');
    expect(actions(r).filter((a) => a?.startsWith('Carry'))).toHaveLength(2);
  });

  it('has the state space TLC finds (nothing checked)', () => {
    const r = checkModel(def, [], { skip: [...invariants, 'Repaid'] });
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.stats.distinctStates).toBe(12853);
    expect(r.stats.depth).toBe(24);
  });
});

describe('accounts-advances/reference', () => {
  const def = model('accounts-advances/reference');

  it('holds every invariant and repays the advance (two weeks, two workers, every fault once)', () => {
    const r = checkModel(def, []);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.stats.distinctStates).toBe(57795);
    expect(r.invariantsChecked).toEqual(invariants);
    expect(r.propertiesChecked).toEqual(['Repaid']);
    // Every action fired: duplicates, crashes, lost replies, pauses past the lease and carry-forward were all exercised.
    expect(r.stats.neverFired).toEqual([]);
  });

  it('with one week and two of every fault still holds and repays (the carried week becomes a new payment)', () => {
    const r = checkModel(def, ['W=1', 'SHORTFALLS=2', 'CRASHES=2', 'DUPLICATES=2', 'LOSSES=2', 'PAUSES=2']);
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') expect(r.stats.distinctStates).toBe(173475);
  });

  it('with a fresh key per bank transaction, a debit asked again after a lost reply collects twice', () => {
    const r = checkModel(def, ['KEYED=FALSE']);
    expect(violation(r).property).toBe('CollectedOnce');
    expect(actions(r)).toEqual([null, 'Beat(p=0)', 'Take(w=0, p=0)', 'DebitReplyLost(w=0)', 'Debit(w=0)']);
  });
});
