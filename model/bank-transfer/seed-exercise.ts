/**
 * bank-transfer/seed-exercise: the TLA+ exercise that seed 003 starts.
 *
 * One coordinator pulls AMOUNT from the user's external account, then tries
 * to credit the internal balance. If the credit fails it queues a reversal
 * for a background worker and tells the user FAILED; the user may press the
 * button again (up to PRESSES times) while the reversal is still queued. One
 * worker drains the reversal queue in FIFO order. Both processes are weakly
 * fair. The external institution does not check funds, as in the exercise.
 *
 * With BALANCE 10 and AMOUNT 5, three presses whose credits all fail take the
 * external balance to -5 before any reversal runs: NoOverdraft fails. Leave
 * that invariant out (--skip NoOverdraft) and the eventual-consistency
 * property holds: once the worker has drained the queue, external + internal
 * equals BALANCE forever. Twin: spec-tla/bank-transfer/SeedExercise.tla.
 */
import { actionsOf, erase, type ModelDef } from '../checker/define.ts';
import { int, labels, oneOf, queue, type StateOf } from '../checker/shape.ts';

const Pc = labels('start', 'external', 'internal', 'done');

function shapeFor(balance: number, amount: number, presses: number) {
  return {
    pc: oneOf(Pc),
    attempts: int(0, presses),
    external: int(balance - presses * amount, balance),
    internal: int(0, amount),
    reversals: queue(presses, int(0, amount)),
  };
}

type S = StateOf<ReturnType<typeof shapeFor>>;

export const seedExercise: ModelDef = {
  id: 'bank-transfer/seed-exercise',
  description: 'Seed 003 exercise: retry while a reversal is queued (overdraft), eventual consistency',
  constants: [
    { name: 'BALANCE', description: 'initial external balance', default: 10, min: 0, max: 1000 },
    { name: 'AMOUNT', description: 'amount of each transfer', default: 5, min: 1, max: 1000 },
    { name: 'PRESSES', description: 'times the user may press the button', default: 3, min: 1, max: 6 },
  ],
  build: (c) => {
    const BALANCE = c['BALANCE']!;
    const AMOUNT = c['AMOUNT']!;
    const PRESSES = c['PRESSES']!;
    const coordinator = { actor: 'Coordinator' };
    const shape = shapeFor(BALANCE, AMOUNT, PRESSES);
    const act = actionsOf(shape);
    return erase({
      shape,
      init: (s: S) => {
        s.pc = Pc.start;
        s.attempts = 0;
        s.external = BALANCE;
        s.internal = 0;
      },
      actions: [
        act('Press', {}, (s) => {
          if (s.pc !== Pc.start || s.attempts >= PRESSES) return false;
          s.attempts += 1;
          s.pc = Pc.external;
          return true;
        }, { actor: 'User', target: 'Coordinator' }),
        act('CashOut', {}, (s) => {
          if (s.pc !== Pc.external) return false;
          s.external -= AMOUNT;
          s.pc = Pc.internal;
          return true;
        }, { ...coordinator, target: 'External' }),
        act('CreditOk', {}, (s) => {
          if (s.pc !== Pc.internal) return false;
          s.internal += AMOUNT;
          s.pc = Pc.done;
          return true;
        }, { ...coordinator, target: 'Internal' }),
        act('CreditFail', {}, (s) => {
          if (s.pc !== Pc.internal) return false;
          s.reversals.push(AMOUNT);
          s.pc = Pc.start;
          return true;
        }, { ...coordinator, target: 'Worker' }),
        act('Reverse', {}, (s) => {
          if (s.reversals.length === 0) return false;
          s.external += s.reversals.shift();
          return true;
        }, { actor: 'Worker', target: 'External' }),
      ],
      invariants: [{ name: 'NoOverdraft', description: 'the external balance never goes negative', holds: (s: S) => s.external >= 0 }],
      properties: [
        {
          kind: 'eventually-always',
          name: 'EventuallyConsistent',
          description: 'eventually external + internal equals the initial balance, and stays so',
          p: (s: S) => s.external + s.internal === BALANCE,
        },
      ],
      fairness: [
        { name: 'Coordinator', actions: ['Press', 'CashOut', 'CreditOk', 'CreditFail'] },
        { name: 'Worker', actions: ['Reverse'] },
      ],
      terminal: (s: S) => (s.pc === Pc.done || (s.pc === Pc.start && s.attempts === PRESSES)) && s.reversals.length === 0,
    });
  },
};
