/**
 * The smallest complete model: two withdrawals of AMOUNT race on one
 * account. Each reads the balance, then debits it in a second step, so
 * both can pass the check before either debits (NoOverdraft fails). With
 * ATOMIC the check and the debit are one step, and the balance holds.
 */
import type { Kit } from '../../model/kit.ts';

export default ({ model, spec, actionsOf, labels, oneOf, array, int }: Kit) =>
  model({
    description: 'Two check-then-debit withdrawals on one account',
    constants: [
      { name: 'BALANCE', default: 5, min: 0, max: 100, description: 'the starting balance' },
      { name: 'AMOUNT', default: 5, min: 1, max: 100, description: 'each withdrawal' },
      { name: 'ATOMIC', default: false, description: 'check and debit in one step' },
    ],
    build: ({ BALANCE, AMOUNT, ATOMIC }) => {
      const Step = labels('start', 'checked', 'done');
      const shape = {
        balance: int(BALANCE - 2 * AMOUNT, BALANCE),
        step: array(2, oneOf(Step)),
      };
      const act = actionsOf(shape);
      return spec({
        shape,
        init: (s) => {
          s.balance = BALANCE;
        },
        actions: [
          act('Check', { w: [0, 1] }, (s, w) => {
            if (s.step[w] !== Step.start || s.balance < AMOUNT) return false;
            if (ATOMIC) s.balance -= AMOUNT;
            s.step[w] = ATOMIC ? Step.done : Step.checked;
            return true;
          }),
          act('Debit', { w: [0, 1] }, (s, w) => {
            if (s.step[w] !== Step.checked) return false;
            s.balance -= AMOUNT;
            s.step[w] = Step.done;
            return true;
          }),
        ],
        invariants: [{ name: 'NoOverdraft', description: 'the balance never goes below zero', holds: (s) => s.balance >= 0 }],
        // A withdrawal that found too little money simply stops.
        terminal: () => true,
      });
    },
  });
