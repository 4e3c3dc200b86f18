/**
 * Seed 003's exercise as its authors continued it, label for label: the
 * PlusCal model of an API coordinator that pulls money from an external
 * institution and credits the internal balance, with a background worker
 * that runs compensating reversals from a queue.
 *
 * The coordinator process (BankTransferAction) moves through the labels
 * ExternalTransfer (take transfer_amount from the external balance),
 * InternalTransfer (either credit the internal balance and finish, or fail:
 * enqueue a reversal and raise reversal_in_progress) and UserButtonMash
 * (the impatient user presses again, up to MASHES more times, which goes
 * back to ExternalTransfer). The ReversalWorker loops at DoReversal: wait
 * for a non-empty queue, take its head into balance_to_restore, give it back
 * to the external balance and clear the flag. Both processes are weakly
 * fair. pc holds each process's label, as the PlusCal translation does.
 *
 * With an external balance of 10 and transfers of 5, three presses whose
 * credits all fail take the external balance below zero before any reversal
 * runs: NeverOverdraft fails with an 8-state trace. Skip it and the
 * eventual-consistency property holds over 67 distinct states (110
 * generated, depth 17), as TLC reports for the PlusCal original. A state
 * where the coordinator is done and the queue is empty has nothing left to
 * do; TLC is run without deadlock checking for the same reason. Twin:
 * spec-tla/examples/Seed003Exercise.tla.
 *
 * Copy this file anywhere and run `npx moneysim check ./seed-003-exercise.ts`
 * from a moneysim checkout. The `import type` line only gives an editor the
 * types (fix its path, or delete it, in a copy); it is erased before the
 * file runs.
 */
import type { Kit } from '../../model/kit.ts';

export default ({ model, spec, actionsOf, labels, oneOf, record, queue, int, boolean, choose }: Kit) =>
  model({
    id: 'seed-003-exercise',
    description: "Seed 003's PlusCal exercise: retries while a reversal is queued (overdraft), eventual consistency",
    constants: [
      { name: 'BALANCE', default: 10, min: 0, max: 1000, description: 'external_balance at the start' },
      { name: 'AMOUNT', default: 5, min: 1, max: 1000, description: 'transfer_amount' },
      { name: 'MASHES', default: 3, min: 0, max: 6, description: 'extra presses UserButtonMash allows' },
    ],
    build: ({ BALANCE, AMOUNT, MASHES }) => {
      const Transfer = labels('ExternalTransfer', 'InternalTransfer', 'UserButtonMash', 'Done');
      const Worker = labels('DoReversal');
      const shape = {
        pc: record({ BankTransferAction: oneOf(Transfer), ReversalWorker: oneOf(Worker) }),
        // Every failed credit enqueues one reversal: at most one per press.
        queue: queue(MASHES + 1, int(0, AMOUNT)),
        reversal_in_progress: boolean(),
        transfer_amount: int(AMOUNT, AMOUNT),
        button_mash_attempts: int(0, MASHES),
        external_balance: int(BALANCE - (MASHES + 1) * AMOUNT, BALANCE),
        internal_balance: int(0, AMOUNT),
        balance_to_restore: int(0, AMOUNT),
      };
      const act = actionsOf(shape);
      const coordinator = { actor: 'BankTransferAction' };
      return spec({
        shape,
        init: (s) => {
          s.pc.BankTransferAction = Transfer.ExternalTransfer;
          s.pc.ReversalWorker = Worker.DoReversal;
          s.reversal_in_progress = false;
          s.transfer_amount = AMOUNT;
          s.button_mash_attempts = 0;
          s.external_balance = BALANCE;
          s.internal_balance = 0;
          s.balance_to_restore = 0;
        },
        actions: [
          act('ExternalTransfer', {}, (s) => {
            if (s.pc.BankTransferAction !== Transfer.ExternalTransfer) return false;
            s.external_balance -= s.transfer_amount;
            s.pc.BankTransferAction = Transfer.InternalTransfer;
            return true;
          }, { ...coordinator, target: 'External' }),
          act('InternalTransfer', {}, (s) => {
            if (s.pc.BankTransferAction !== Transfer.InternalTransfer) return false;
            // PlusCal's either/or: the internal service credits, or fails and a reversal is enqueued.
            if (choose(['credited', 'failed'], 'internal') === 'credited') {
              s.internal_balance += s.transfer_amount;
              s.pc.BankTransferAction = Transfer.Done;
            } else {
              s.queue.push(s.transfer_amount);
              s.reversal_in_progress = true;
              s.pc.BankTransferAction = Transfer.UserButtonMash;
            }
            return true;
          }, { ...coordinator, target: 'Internal' }),
          act('UserButtonMash', {}, (s) => {
            if (s.pc.BankTransferAction !== Transfer.UserButtonMash) return false;
            if (s.button_mash_attempts < MASHES) {
              s.button_mash_attempts += 1;
              s.pc.BankTransferAction = Transfer.ExternalTransfer;
            } else {
              s.pc.BankTransferAction = Transfer.Done;
            }
            return true;
          }, { actor: 'User', target: 'BankTransferAction' }),
          act('DoReversal', {}, (s) => {
            if (s.pc.ReversalWorker !== Worker.DoReversal || s.queue.length === 0) return false;
            s.balance_to_restore = s.queue.shift();
            s.external_balance += s.balance_to_restore;
            s.reversal_in_progress = false;
            return true;
          }, { actor: 'ReversalWorker', target: 'External' }),
        ],
        invariants: [{ name: 'NeverOverdraft', description: 'the external balance never goes below zero', holds: (s) => s.external_balance >= 0 }],
        properties: [
          {
            kind: 'eventually-always',
            name: 'EventuallyConsistentTransfer',
            description: 'eventually external + internal balance equals the starting balance, and stays so',
            p: (s) => s.external_balance + s.internal_balance === BALANCE,
          },
        ],
        fairness: [
          { name: 'BankTransferAction', actions: ['ExternalTransfer', 'InternalTransfer', 'UserButtonMash'] },
          { name: 'ReversalWorker', actions: ['DoReversal'] },
        ],
        terminal: (s) => s.pc.BankTransferAction === Transfer.Done && s.queue.length === 0,
      });
    },
  });
