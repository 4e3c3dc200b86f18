/**
 * Interchangeable clients withdrawing from one shared account: a symmetric
 * set of ids, sets over it, and several initial states.
 *
 * Each client checks the balance and then, in a second step, withdraws
 * AMOUNT. Without the LOCK two clients can both pass the check before
 * either withdraws, and the account overdraws (NoOverdraft fails). With the
 * LOCK a client holds the account from its check to its withdrawal and the
 * balance never goes below zero. The account starts with either one or two
 * withdrawals' worth (two initial states).
 *
 * The clients are `ids('c', CLIENTS)`: nothing tells them apart, so the
 * checker keeps one state per permutation of them (as TLC does with
 * SYMMETRY); `--no-symmetry` explores every permutation. Twin:
 * spec-tla/examples/SharedAccount.tla.
 */
import type { Kit } from '../../model/kit.ts';

export default ({ model, spec, actionsOf, ids, labels, oneOf, array, setOf, int, choose }: Kit) =>
  model({
    id: 'shared-account',
    description: 'Symmetric clients check, then withdraw from one account: overdraft without the lock',
    constants: [
      { name: 'CLIENTS', default: 3, min: 1, max: 6, description: 'interchangeable clients' },
      { name: 'AMOUNT', default: 5, min: 1, max: 100, description: 'each withdrawal' },
      { name: 'LOCK', default: false, description: 'a client holds the account from its check to its withdrawal' },
    ],
    build: ({ CLIENTS, AMOUNT, LOCK }) => {
      const Clients = ids('c', CLIENTS);
      const Pc = labels('idle', 'checking', 'withdrawing', 'done');
      const shape = {
        balance: int(2 * AMOUNT - CLIENTS * AMOUNT, 2 * AMOUNT),
        pc: array(Clients, oneOf(Pc)),
        // The client holding the account: empty or one client.
        holder: setOf(Clients),
        paid: setOf(Clients),
      };
      const act = actionsOf(shape);
      return spec({
        shape,
        init: (s) => {
          s.balance = choose([AMOUNT, 2 * AMOUNT], 'balance');
        },
        actions: [
          act('Acquire', { c: Clients }, (s, c) => {
            if (s.pc[c] !== Pc.idle || (LOCK === 1 && s.holder.size > 0)) return false;
            if (LOCK === 1) s.holder.add(c);
            s.pc[c] = Pc.checking;
            return true;
          }),
          act('Check', { c: Clients }, (s, c) => {
            if (s.pc[c] !== Pc.checking) return false;
            if (s.balance >= AMOUNT) {
              s.pc[c] = Pc.withdrawing;
            } else {
              s.pc[c] = Pc.done;
              s.holder.delete(c);
            }
            return true;
          }),
          act('Withdraw', { c: Clients }, (s, c) => {
            if (s.pc[c] !== Pc.withdrawing) return false;
            s.balance -= AMOUNT;
            s.paid.add(c);
            s.holder.delete(c);
            s.pc[c] = Pc.done;
            return true;
          }),
        ],
        invariants: [
          { name: 'NoOverdraft', description: 'the shared balance never goes below zero', holds: (s) => s.balance >= 0 },
          { name: 'OneHolder', description: 'at most one client holds the account', holds: (s) => s.holder.size <= 1 },
        ],
        terminal: (s) => s.pc.every((p) => p === Pc.done),
      });
    },
  });
