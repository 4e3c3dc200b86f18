/**
 * fund-investment/reference: the seed 002 service made safe, for the same
 * N investors, SEATS seats and faults as fund-investment/naive.
 *
 * - The seat is reserved at the fund before any money moves (a full fund
 *   fails the transaction at once), and released when the transfer fails.
 * - The withdrawal is announced in the row before it is sent; a missing
 *   reply is settled by a lookup of its key after the request's expiry,
 *   never by sending again, so either mode of the investor service is safe.
 * - The remittance carries a key; a remittance refused for good, like a
 *   withdrawal that never happened, leads to UNDOING: a compensating refund
 *   of everything withdrawn and the seat's release. A completed transfer
 *   refunds the surplus of a withdrawal applied twice.
 * - The terminal state and its outbox row commit together; a relay sends it
 *   with the row's id as the message id, so a resend after a crash is
 *   recorded once by the notification log.
 *
 * Expected: every invariant holds and every investment settles under weak
 * fairness of the API, the worker and the relay. Twin:
 * spec-tla/fund-investment/Reference.tla.
 */
import { actionsOf, erase, range, type ModelDef } from '../checker/define.ts';
import { boundsOf, fundConstants } from './constants.ts';
import { crashAction } from './crash-action.ts';
import { fundInvariants, settlesProperties } from './invariants.ts';
import { relayActions, seatActions, settleActions, withdrawalActions } from './reference-actions.ts';
import { Pc, fundShape, isTerminal, type FundState } from './shape.ts';

export const reference: ModelDef = {
  id: 'fund-investment/reference',
  description: 'Reference: seat reserved before money moves, withdrawal settled by lookup, compensating refund, transactional outbox',
  constants: fundConstants({ n: 3, seats: 2, faults: 1 }),
  build: (c) => {
    const b = boundsOf(c);
    const T = range(b.n);
    const shape = fundShape(b);
    const act = actionsOf(shape);
    // Nothing in memory, no unsent outbox row, every transaction terminal.
    const quiescent = (s: FundState): boolean => {
      for (let t = 0; t < b.n; t++) if (s.pc[t] !== Pc.idle || s.outbox[t] !== 0 || !isTerminal(s, t)) return false;
      return true;
    };
    const actions = [
      ...seatActions(act, T, b),
      ...withdrawalActions(act, T, b),
      ...settleActions(act, T, b),
      ...relayActions(act, T, b),
      crashAction(act, b),
    ];
    return erase({
      shape,
      init: () => {},
      actions,
      invariants: fundInvariants(b, quiescent),
      properties: settlesProperties(b.n),
      fairness: [
        { name: 'API', actions: ['Accept'] },
        { name: 'Worker', actions: ['Reserve', 'SeatRefused', 'MarkWithdrawing', 'SendWithdrawal', 'Lookup', 'Remit', 'Finish', 'Undo'] },
        { name: 'Relay', actions: ['Relay'] },
      ],
      terminal: quiescent,
    });
  },
};
