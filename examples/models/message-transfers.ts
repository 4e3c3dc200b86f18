/**
 * Transfers whose credit travels as a message over a network that may lose
 * it: a set of records (the messages in flight) and nondeterministic actions.
 *
 * Start(t) debits the payer by an amount the client picks (1..MAX) and puts
 * the credit message [t, amount] in flight. Deliver takes any message in
 * flight and credits the payee, once per transfer: the payee remembers the
 * transfers it has credited, so a message delivered twice credits once.
 * Lose drops any message in flight (at most LOSSES times). With RETRY the
 * payer sends the message again while the transfer is not yet credited and
 * no copy is in flight; Confirm ends a credited transfer.
 *
 * Without RETRY a lost message loses the money: once nothing is in flight
 * the two balances no longer add up (NoMoneyLost fails). With RETRY every
 * invariant holds. Twin: spec-tla/examples/MessageTransfers.tla.
 */
import type { Kit } from '../../model/kit.ts';

export default ({ model, spec, actionsOf, labels, oneOf, array, record, setOf, int, range, choose }: Kit) =>
  model({
    id: 'message-transfers',
    description: 'Credits sent as messages over a lossy network: money lost without retries',
    constants: [
      { name: 'N', default: 2, min: 1, max: 4, description: 'transfers' },
      { name: 'MAX', default: 2, min: 1, max: 4, description: 'largest amount a client may pick' },
      { name: 'LOSSES', default: 1, min: 0, max: 3, description: 'messages the network may lose' },
      { name: 'RETRY', default: false, description: 'the payer resends a credit that is not yet applied' },
    ],
    build: ({ N, MAX, LOSSES, RETRY }) => {
      const T = range(N);
      const TOTAL = N * MAX;
      const Status = labels('idle', 'debited', 'confirmed');
      const Msg = record({ t: int(0, N - 1), amount: int(1, MAX) });
      const shape = {
        payer: int(0, TOTAL),
        payee: int(0, TOTAL),
        status: array(N, oneOf(Status)),
        amount: array(N, int(0, MAX)),
        msgs: setOf(Msg),
        credited: setOf(int(0, N - 1)),
        losses: int(0, LOSSES),
      };
      const act = actionsOf(shape);
      // Nothing is in flight and nothing would be sent again: the books must balance now.
      const quiet = (s: { msgs: { size: number }; status: readonly number[]; credited: { has(t: number): boolean } }): boolean =>
        s.msgs.size === 0 && (RETRY === 0 || T.every((t) => s.status[t] !== Status.debited || s.credited.has(t)));
      return spec({
        shape,
        init: (s) => {
          s.payer = TOTAL;
        },
        actions: [
          act('Start', { t: T }, (s, t) => {
            if (s.status[t] !== Status.idle) return false;
            const amount = choose(range(MAX).map((a) => a + 1), 'amount');
            s.payer -= amount;
            s.amount[t] = amount;
            s.status[t] = Status.debited;
            s.msgs.add({ t, amount });
            return true;
          }, { actor: 'Payer', target: 'Network' }),
          act('Deliver', {}, (s) => {
            const m = choose(s.msgs.values(), 'm');
            s.msgs.delete(m);
            if (!s.credited.has(m.t)) {
              s.payee += m.amount;
              s.credited.add(m.t);
            }
            return true;
          }, { actor: 'Network', target: 'Payee' }),
          act('Lose', {}, (s) => {
            if (s.losses >= LOSSES) return false;
            s.msgs.delete(choose(s.msgs.values(), 'm'));
            s.losses += 1;
            return true;
          }, { actor: 'Network' }),
          act('Resend', { t: T }, (s, t) => {
            const m = { t, amount: s.amount[t]! };
            if (RETRY === 0 || s.status[t] !== Status.debited || s.credited.has(t) || s.msgs.has(m)) return false;
            s.msgs.add(m);
            return true;
          }, { actor: 'Payer', target: 'Network' }),
          act('Confirm', { t: T }, (s, t) => {
            if (s.status[t] !== Status.debited || !s.credited.has(t)) return false;
            s.status[t] = Status.confirmed;
            return true;
          }, { actor: 'Payee', target: 'Payer' }),
        ],
        invariants: [
          { name: 'NoMoneyCreated', description: 'the two balances never hold more than the starting total', holds: (s) => s.payer + s.payee <= TOTAL },
          { name: 'NoMoneyLost', description: 'once nothing is in flight or due to be resent, the balances add up to the total', holds: (s) => !quiet(s) || s.payer + s.payee === TOTAL },
        ],
        terminal: (s) => T.every((t) => s.status[t] === Status.confirmed),
      });
    },
  });
