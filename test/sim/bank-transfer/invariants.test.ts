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
