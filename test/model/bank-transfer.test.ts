/**
 * The bank-transfer models find what they should: the seed exercise's
 * overdraft by a shortest trace, the naive design's money bugs, and nothing
 * in the reference design, whose checks are shown not to be vacuous by
 * breaking the protocol on purpose. Small constants keep this quick.
 */
import { describe, expect, it } from 'vitest';
import { erase, type ActionDef } from '../../model/checker/define.ts';
import type { Shape } from '../../model/checker/shape.ts';
import { Answer } from '../../model/bank-transfer/reference-shape.ts';
import type { CheckResult } from '../../model/checker/result.ts';
import { checkModel, model } from './run-model.ts';

const naiveInvariants = ['NoMoneyCreated', 'NoOverdraft', 'NoOrphanedMoney', 'HonestAnswers', 'NoMoneyLost', 'AllSettled'];

function violation(r: CheckResult) {
  if (r.kind !== 'violation') throw new Error(`expected a violation, got ${r.kind}`);
  return r.violation;
}

describe('bank-transfer/seed-exercise', () => {
  const def = model('bank-transfer/seed-exercise');

  it('overdraws after three failed credits, by a shortest trace', () => {
    const v = violation(checkModel(def, []));
    expect(v.property).toBe('NoOverdraft');
    expect(v.trace.map((s) => s.action)).toEqual([null, 'Press', 'CashOut', 'CreditFail', 'Press', 'CashOut', 'CreditFail', 'Press', 'CashOut']);
    expect(v.trace.at(-1)!.state['external']).toBe(-5);
  });

  it('is eventually consistent once the overdraft invariant is left out', () => {
    const r = checkModel(def, [], { skip: ['NoOverdraft'] });
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') {
      expect(r.propertiesChecked).toEqual(['EventuallyConsistent']);
      expect(r.stats.distinctStates).toBe(28);
      expect(r.stats.neverFired).toEqual([]);
    }
  });

  it('does not overdraw when the balance covers every press', () => {
    expect(checkModel(def, ['BALANCE=15']).kind).toBe('ok');
  });
});

describe('bank-transfer/naive', () => {
  const def = model('bank-transfer/naive');

  it('leaves money without a durable obligation right after the cash-out', () => {
    const v = violation(checkModel(def, []));
    expect(v.property).toBe('NoOrphanedMoney');
    expect(v.trace.map((s) => s.action)).toEqual([null, 'Press(t=0)', 'CashOutOk(t=0)']);
  });

  it('loses money on a lost cash-out reply', () => {
    const v = violation(checkModel(def, [], { skip: ['NoOrphanedMoney', 'HonestAnswers'] }));
    expect(v.property).toBe('NoMoneyLost');
    expect(v.trace.at(-1)!.action).toBe('CashOutReplyLost(t=0)');
  });

  it('creates money when a credit reply is lost and the credit is then reversed', () => {
    const v = violation(checkModel(def, ['N=1', 'PRESSES=1', 'CRASHES=0'], { skip: ['NoOrphanedMoney', 'HonestAnswers', 'NoMoneyLost', 'AllSettled'] }));
    expect(v.property).toBe('NoMoneyCreated');
    expect(v.trace.map((s) => s.action)).toEqual([null, 'Press(t=0)', 'CashOutOk(t=0)', 'CreditReplyLost(t=0)', 'Reverse(t=0)']);
  });

  it('explores the same state space as its TLA+ twin', () => {
    const r = checkModel(def, [], { skip: naiveInvariants });
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') expect(r.stats.distinctStates).toBe(4048);
  });
});

describe('bank-transfer/reference', () => {
  const def = model('bank-transfer/reference');
  const small = { N: 1, CRASHES: 1, LOSSES: 1, ASKS: 0, EXPIRY: 1, SHARED: 0, LOCK: 1 };

  it('holds every invariant and settles every transfer, late requests included (N=2, own accounts)', () => {
    const r = checkModel(def, ['N=2', 'CRASHES=1', 'LOSSES=2', 'ASKS=1', 'SHARED=FALSE']);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.stats.distinctStates).toBe(44580);
    expect(r.invariantsChecked).toEqual(naiveInvariants);
    expect(r.propertiesChecked).toEqual(['Settles_0', 'Settles_1']);
    // Every action fired, among them LateApply (a request applying after its caller gave up) and Expire.
    expect(r.stats.neverFired).toEqual([]);
  });

  it('without request expiry, a cash-out that arrives after the status query loses money', () => {
    const v = violation(checkModel(def, ['EXPIRY=FALSE']));
    expect(v.property).toBe('NoOrphanedMoney');
    expect(v.trace.map((s) => s.action)).toEqual([null, 'Submit(t=0)', 'Crash', 'Recover(t=0)', 'ExtStatus(t=0)', 'LateApply(t=0)', 'StatusNotApplied(t=0)']);
    expect(v.trace.at(-1)!.state['rec']).toEqual(['failed', 'none', 'none']);
    expect(v.trace.at(-1)!.state['ext']).toEqual(['applied', 'unseen', 'unseen']);
  });

  it('without request expiry, a delayed cash-out does the same without a crash, and the money stays lost', () => {
    const delayed = violation(checkModel(def, ['N=1', 'CRASHES=0', 'EXPIRY=FALSE']));
    expect(delayed.trace.map((s) => s.action)).toEqual([null, 'Submit(t=0)', 'Delay(t=0)', 'Timeout(t=0)', 'Recover(t=0)', 'ExtStatus(t=0)', 'LateApply(t=0)', 'StatusNotApplied(t=0)']);
    const lost = violation(checkModel(def, ['N=1', 'EXPIRY=FALSE'], { skip: ['NoOrphanedMoney'] }));
    expect(lost.property).toBe('NoMoneyLost');
  });

  it('without the account lock, a second press during a reversal overdraws the shared account (seed 003)', () => {
    const v = violation(checkModel(def, ['LOCK=FALSE']));
    expect(v.property).toBe('NoOverdraft');
    expect(v.trace.map((s) => s.action)).toEqual([null, 'Submit(t=0)', 'ExtApply(t=0)', 'CashOutOk(t=0)', 'IntReject(t=0)', 'CreditRejected(t=0)', 'Submit(t=1)', 'ExtApply(t=1)']);
  });

  it('with the lock, the shared account never overdraws and every transfer settles (N=2)', () => {
    const r = checkModel(def, ['N=2']);
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') expect(r.stats.neverFired).toEqual([]);
  });

  it('without recovery, a transfer can stay unsettled forever', () => {
    const spec = def.build(small);
    const broken = erase({ ...spec, actions: spec.actions.filter((a) => a.name !== 'Recover'), fairness: spec.fairness.filter((f) => f.name !== 'Recovery') });
    const r = checkModel({ ...def, build: () => broken }, ['N=1'], { checkDeadlock: false });
    const v = violation(r);
    expect(v.kind).toBe('liveness');
    expect(v.property).toBe('Settles_0');
    expect(v.stuttering).toBe(true);
  });

  it('answering FAILED on a timeout is caught', () => {
    const spec = def.build({ ...small, CRASHES: 0 });
    const timeout = spec.actions.find((a) => a.name === 'Timeout')!;
    // The broken coordinator guesses FAILED instead of answering UNKNOWN.
    const guess: ActionDef<Shape> = {
      ...timeout,
      run: (s, t, b, c) => {
        const st = s as unknown as { answer: Int32Array; api: Int32Array };
        const wasApi = st.api[t] === 1;
        if (!timeout.run(s, t, b, c)) return false;
        if (wasApi) st.answer[t] = Answer.failed;
        return true;
      },
    };
    const broken = erase({ ...spec, actions: spec.actions.map((a) => (a.name === 'Timeout' ? guess : a)) });
    const v = violation(checkModel({ ...def, build: () => broken }, ['N=1']));
    expect(v.property).toBe('HonestAnswers');
  });
});
