/**
 * Each invariant, fed hand-made ground truth, fires exactly when its
 * condition breaks: so a green sweep means the checks looked, not that they
 * were blind.
 */
import { describe, expect, it } from 'vitest';
import { ReplayChoiceSource } from '../../../sim/choice/replay-choice-source.ts';
import { ExternalInstitution } from '../../../sim/fakes/external-institution.ts';
import { calmExternal } from '../../../sim/fakes/external-options.ts';
import { FaultScript } from '../../../sim/fakes/fault-script.ts';
import { InternalLedger } from '../../../sim/fakes/internal-ledger.ts';
import { calmLedger } from '../../../sim/fakes/ledger-options.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';
import { AnswerBook } from '../../../sim/bank-transfer/answer-book.ts';
import type { GroundTruth } from '../../../sim/bank-transfer/invariants/ground-truth.ts';
import { checkQuiescent } from '../../../sim/bank-transfer/invariants/quiescence-invariants.ts';
import { checkAnswer, checkStep } from '../../../sim/bank-transfer/invariants/step-invariants.ts';
import { checkKeysSettled, checkPressAnswer, checkRequestsAnswered } from '../../../sim/bank-transfer/invariants/key-invariants.ts';

function truth(opts: { obligations?: string[]; held?: string[]; allowNegative?: boolean } = {}) {
  const sim = new Simulator(new ReplayChoiceSource([]), new TraceRecorder(false));
  const script = new FaultScript([]);
  const external = new ExternalInstitution(sim, { ...calmExternal, downWindows: [], allowNegativeBalance: opts.allowNegative ?? false }, script, [['a', 10]]);
  const ledger = new InternalLedger(sim, { ...calmLedger }, script);
  const book = new AnswerBook(false);
  const g: GroundTruth = {
    external,
    ledger,
    book,
    initialTotalMinor: 10,
    initialBalances: new Map([['a', 10]]),
    durableObligations: () => opts.obligations ?? [],
    heldInMemory: () => opts.held ?? [],
  };
  const cashOut = (ref: string, amountMinor = 4) => external.handle('cashOut', { reference: ref, accountId: 'a', amountMinor });
  const undo = (ref: string) => external.handle('undo', { reference: ref });
  const credit = (id: string, amountMinor = 4) => ledger.handle('credit', { transferId: id, userId: 'u', amountMinor });
  return { g, cashOut, undo, credit, book };
}

describe('step invariants', () => {
  it('hold on a completed transfer', () => {
    const t = truth();
    t.cashOut('t1');
    t.credit('t1');
    expect(checkStep(t.g)).toBeNull();
    expect(checkQuiescent(t.g)).toBeNull();
  });

  it('NoOrphanedMoney: money out and uncredited needs a durable obligation or a live holder', () => {
    const bare = truth();
    bare.cashOut('t1');
    expect(checkStep(bare.g)?.invariant).toBe('NoOrphanedMoney');
    const durable = truth({ obligations: ['t1'] });
    durable.cashOut('t1');
    expect(checkStep(durable.g)).toBeNull();
    const held = truth({ held: ['t1'] });
    held.cashOut('t1');
    expect(checkStep(held.g)).toBeNull();
  });

  it('NoMoneyCreated: a credit whose debit was undone', () => {
    const t = truth();
    t.cashOut('t1');
    t.credit('t1');
    t.undo('t1');
    expect(checkStep(t.g)?.invariant).toBe('NoMoneyCreated');
  });

  it('NoOverdraft: a negative external balance', () => {
    const t = truth({ allowNegative: true, held: ['t1', 't2', 't3'] });
    t.cashOut('t1', 5);
    t.cashOut('t2', 5);
    expect(checkStep(t.g)).toBeNull();
    t.cashOut('t3', 5);
    expect(checkStep(t.g)?.invariant).toBe('NoOverdraft');
  });

  it('HonestAnswers: SUCCESS before the credit, and contradicting answers', () => {
    const t = truth({ held: ['t1'] });
    t.cashOut('t1');
    const success = { status: 'SUCCESS' as const, transferId: 't1' };
    expect(checkAnswer(t.g, success)?.invariant).toBe('HonestAnswers');
    t.credit('t1');
    t.book.record({ timeMs: 0, op: 'transfer', key: 'k', outcome: 'ok', answer: success });
    expect(checkAnswer(t.g, success)).toBeNull();
    const failed = { status: 'FAILED' as const, transferId: 't1' };
    t.book.record({ timeMs: 1, op: 'status', key: 't1', outcome: 'ok', answer: failed });
    expect(checkAnswer(t.g, failed)?.message).toMatch(/both SUCCESS and FAILED/);
  });
});

describe('quiescence invariants', () => {
  it('NoMoneyLost when money is still out after healing', () => {
    const t = truth({ obligations: ['t1'] });
    t.cashOut('t1');
    expect(checkQuiescent(t.g)?.invariant).toBe('NoMoneyLost');
  });

  it('HonestAnswers when a FAILED transfer moved money', () => {
    const t = truth();
    t.cashOut('t1');
    t.credit('t1');
    t.book.record({ timeMs: 0, op: 'transfer', key: 'k', outcome: 'ok', answer: { status: 'FAILED', transferId: 't1' } });
    expect(checkQuiescent(t.g)?.invariant).toBe('HonestAnswers');
  });

  it('AllTransfersTerminal when an answer is still PENDING', () => {
    const t = truth();
    t.book.record({ timeMs: 0, op: 'transfer', key: 'k', outcome: 'ok', answer: { status: 'PENDING', transferId: 't9' } });
    expect(checkQuiescent(t.g)?.invariant).toBe('AllTransfersTerminal');
  });

  it('ObligationsDischarged when a durable obligation is left', () => {
    const t = truth({ obligations: ['t1'] });
    expect(checkQuiescent(t.g)?.invariant).toBe('ObligationsDischarged');
  });
});

describe('press (idempotency key) invariants', () => {
  const answer = (t: ReturnType<typeof truth>, key: string, status: 'SUCCESS' | 'FAILED' | 'PENDING', transferId: string, amountMinor = 4) => {
    const press = t.book.presses.get(key) ?? t.book.press(key, 'a', 'u', amountMinor);
    t.book.record({ timeMs: 0, op: 'transfer', key, outcome: 'ok', answer: { status, transferId } }, press);
    return press;
  };

  it('ExactlyOncePerKey when one key is answered with two transfer ids', () => {
    const t = truth();
    expect(checkPressAnswer(answer(t, 'k', 'PENDING', 't1'))).toBeNull();
    expect(checkPressAnswer(answer(t, 'k', 'SUCCESS', 't2'))?.invariant).toBe('ExactlyOncePerKey');
  });

  it('ExactlyOncePerKey when an account moved more than its SUCCESS presses', () => {
    const t = truth();
    t.cashOut('t1');
    t.credit('t1');
    answer(t, 'k', 'SUCCESS', 't1');
    expect(checkKeysSettled(t.g)).toBeNull();
    t.cashOut('t2');
    expect(checkKeysSettled(t.g)?.invariant).toBe('ExactlyOncePerKey');
  });

  it('HonestAnswers when a FAILED answer without a transfer id moved money', () => {
    const t = truth();
    t.cashOut('t1');
    answer(t, 'k', 'FAILED', '');
    const f = checkKeysSettled(t.g);
    expect(f?.invariant).toBe('HonestAnswers');
    expect(f?.message).toMatch(/press k was answered FAILED without a transfer id/);
  });

  it('HonestAnswers when a SUCCESS press moved nothing', () => {
    const t = truth();
    answer(t, 'k', 'SUCCESS', 't1');
    expect(checkKeysSettled(t.g)?.invariant).toBe('HonestAnswers');
  });

  it('RequestsAnswered names a press without a definite answer', () => {
    const t = truth();
    t.book.press('p0.0', 'a', 'u', 4).attempts = 3;
    const f = checkRequestsAnswered(t.g, 'by quiescence');
    expect(f?.invariant).toBe('RequestsAnswered');
    expect(f?.message).toMatch(/press p0\.0 .* no answer in 3 attempt/);
    answer(t, 'p0.0', 'PENDING', 't1');
    expect(checkRequestsAnswered(t.g, 'x')?.message).toMatch(/last answer PENDING t1/);
    answer(t, 'p0.0', 'FAILED', 't1');
    expect(checkRequestsAnswered(t.g, 'x')).toBeNull();
  });
});
