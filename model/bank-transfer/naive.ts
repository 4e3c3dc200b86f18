/**
 * bank-transfer/naive: the "current design" of seed 001, with N transfers.
 *
 * For each transfer the coordinator marks the start in its database, asks
 * the external institution to cash out, then asks the internal store to
 * credit. A declined cash-out fails the transfer. A failed credit marks the
 * row failed, answers FAILED and queues a reversal in memory for a worker;
 * the user may press again. A timeout (the reply was lost) is treated as a
 * failure. The coordinator may crash (at most CRASHES times) while work is in
 * flight, losing in-flight calls and the in-memory reversal queue; nothing
 * recovers the rows it leaves behind. The external institution refuses a
 * cash-out beyond the balance, so the seed 003 overdraft is not modelled here.
 *
 * Expected findings: NoOrphanedMoney right after the first cash-out (nothing
 * durable covers that money), money lost on a lost cash-out reply or a crash,
 * money created when a credit's reply is lost and the credit is then
 * reversed. Twin: spec-tla/bank-transfer/Naive.tla.
 */
import { actionsOf, erase, range, type ModelDef } from '../checker/define.ts';
import { array, int, labels, oneOf, type StateOf } from '../checker/shape.ts';
import { AMOUNT, moneyInvariants } from './invariants.ts';

const Pc = labels('idle', 'calling', 'crediting', 'done');
const Row = labels('none', 'started', 'failed', 'succeeded');
const Answer = labels('none', 'success', 'failed', 'unknown');

function shapeFor(n: number, presses: number, crashes: number) {
  const count = int(0, presses);
  return {
    pc: array(n, oneOf(Pc)),
    row: array(n, oneOf(Row)),
    answer: array(n, oneOf(Answer)),
    presses: array(n, count),
    debits: array(n, count),
    returned: array(n, count),
    credits: array(n, count),
    pendingReversals: array(n, count),
    crashes: int(0, crashes),
  };
}

type Sh = ReturnType<typeof shapeFor>;
type S = StateOf<Sh>;

/** Money that has left the external account for a transfer and is neither credited nor returned. */
const outstanding = (s: S, t: number): number => AMOUNT * (s.debits[t]! - s.returned[t]! - s.credits[t]!);

export const naive: ModelDef = {
  id: 'bank-transfer/naive',
  description: 'Seed 001 design: in-memory reversal queue, timeouts treated as failures, crashes, lost replies',
  constants: [
    { name: 'N', description: 'number of transfers', default: 2, min: 1, max: 4 },
    { name: 'PRESSES', description: 'times the user may press the button for one transfer', default: 2, min: 1, max: 4 },
    { name: 'CRASHES', description: 'coordinator crashes allowed', default: 1, min: 0, max: 3 },
  ],
  build: (c) => {
    const N = c['N']!;
    const PRESSES = c['PRESSES']!;
    const CRASHES = c['CRASHES']!;
    const BALANCE = N * AMOUNT;
    const T = range(N);
    const shape = shapeFor(N, PRESSES, CRASHES);
    const act = actionsOf(shape);
    const externalBalance = (s: S): number => BALANCE - AMOUNT * T.reduce((sum, t) => sum + s.debits[t]! - s.returned[t]!, 0);
    const internalBalance = (s: S): number => AMOUNT * T.reduce((sum, t) => sum + s.credits[t]!, 0);
    const quiescent = (s: S): boolean => T.every((t) => (s.pc[t] === Pc.idle || s.pc[t] === Pc.done) && s.pendingReversals[t] === 0);
    const client = { actor: 'Client', target: 'Coordinator' };
    const toExternal = { actor: 'Coordinator', target: 'External' };
    const toInternal = { actor: 'Coordinator', target: 'Internal' };
    const finish = (s: S, t: number, row: number, answer: number): void => {
      s.pc[t] = row === Row.succeeded ? Pc.done : Pc.idle;
      s.row[t] = row;
      s.answer[t] = answer;
    };
    return erase({
      shape,
      init: () => {},
      actions: [
        act('Press', { t: T }, (s, t) => {
          if (s.pc[t] !== Pc.idle || s.presses[t]! >= PRESSES) return false;
          s.presses[t]! += 1;
          s.pc[t] = Pc.calling;
          s.row[t] = Row.started;
          s.answer[t] = Answer.none;
          return true;
        }, client),
        act('CashOutOk', { t: T }, (s, t) => {
          if (s.pc[t] !== Pc.calling || externalBalance(s) < AMOUNT) return false;
          s.debits[t]! += 1;
          s.pc[t] = Pc.crediting;
          return true;
        }, toExternal),
        act('CashOutDeclined', { t: T }, (s, t) => {
          if (s.pc[t] !== Pc.calling) return false;
          finish(s, t, Row.failed, Answer.failed);
          return true;
        }, toExternal),
        act('CashOutReplyLost', { t: T }, (s, t) => {
          if (s.pc[t] !== Pc.calling || externalBalance(s) < AMOUNT) return false;
          s.debits[t]! += 1;
          finish(s, t, Row.failed, Answer.failed);
          return true;
        }, toExternal),
        act('CreditOk', { t: T }, (s, t) => {
          if (s.pc[t] !== Pc.crediting) return false;
          s.credits[t]! += 1;
          finish(s, t, Row.succeeded, Answer.success);
          return true;
        }, toInternal),
        act('CreditFailed', { t: T }, (s, t) => {
          if (s.pc[t] !== Pc.crediting) return false;
          s.pendingReversals[t]! += 1;
          finish(s, t, Row.failed, Answer.failed);
          return true;
        }, toInternal),
        act('CreditReplyLost', { t: T }, (s, t) => {
          if (s.pc[t] !== Pc.crediting) return false;
          s.credits[t]! += 1;
          s.pendingReversals[t]! += 1;
          finish(s, t, Row.failed, Answer.failed);
          return true;
        }, toInternal),
        act('Reverse', { t: T }, (s, t) => {
          if (s.pendingReversals[t] === 0) return false;
          s.pendingReversals[t]! -= 1;
          s.returned[t]! += 1;
          return true;
        }, { actor: 'Worker', target: 'External' }),
        act('Crash', {}, (s) => {
          if (s.crashes >= CRASHES || quiescent(s)) return false;
          s.crashes += 1;
          for (const t of T) {
            if (s.pc[t] === Pc.calling || s.pc[t] === Pc.crediting) {
              s.pc[t] = Pc.idle;
              s.answer[t] = Answer.unknown;
            }
            s.pendingReversals[t] = 0;
          }
          return true;
        }, { actor: 'Coordinator' }),
      ],
      invariants: moneyInvariants<Sh>({
        balance: BALANCE,
        transfers: T,
        externalBalance,
        internalBalance,
        quiescent,
        creditedWithoutDebit: (s, t) => s.credits[t]! > s.debits[t]! - s.returned[t]!,
        // The naive design keeps nothing durable that anything would finish or reverse.
        orphaned: (s, t) => outstanding(s, t) > 0,
        answeredSuccessWithoutCredit: (s, t) => s.answer[t] === Answer.success && s.credits[t] === 0,
        answeredFailedWithMovement: (s, t) => s.answer[t] === Answer.failed && outstanding(s, t) + AMOUNT * s.credits[t]! !== 0,
        unsettled: (s, t) => s.row[t] === Row.started,
      }),
      properties: [],
      fairness: [],
      terminal: (s) => quiescent(s) && T.every((t) => s.pc[t] === Pc.done || s.presses[t] === PRESSES),
    });
  },
};
