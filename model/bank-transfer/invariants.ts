/**
 * The money invariants of DESIGN.md, phrased once for every bank-transfer
 * model. Each model says what its variables mean (balances, what counts as a
 * durable obligation, when it is quiescent); the invariants are the same.
 *
 * They judge the fakes' ground truth (what the external institution and the
 * internal store applied), never what the coordinator believes.
 */
import type { InvariantDef } from '../checker/define.ts';
import type { Shape, StateOf } from '../checker/shape.ts';

/** Every transfer moves this many minor units. */
export const AMOUNT = 5;

export interface MoneyView<S> {
  readonly balance: number;
  readonly transfers: readonly number[];
  readonly externalBalance: (s: S) => number;
  readonly internalBalance: (s: S) => number;
  /** The lowest balance of any one external account, when transfers share accounts; the total otherwise. */
  readonly lowestExternalBalance?: (s: S) => number;
  /** No system work is in flight or pending: only the client or a fault could move next. */
  readonly quiescent: (s: S) => boolean;
  readonly creditedWithoutDebit: (s: S, t: number) => boolean;
  /** Money out of the external account, neither credited nor returned, and not covered by a durable obligation. */
  readonly orphaned: (s: S, t: number) => boolean;
  readonly answeredSuccessWithoutCredit: (s: S, t: number) => boolean;
  readonly answeredFailedWithMovement: (s: S, t: number) => boolean;
  readonly unsettled: (s: S, t: number) => boolean;
}

export function moneyInvariants<Sh extends Shape, S = StateOf<Sh>>(m: MoneyView<S>): InvariantDef<Sh>[] {
  const ts = m.transfers;
  const lowest = m.lowestExternalBalance ?? m.externalBalance;
  // A plain loop: these run on every new state, and a closure per call would feed the garbage collector.
  const any = (s: S, f: (s: S, t: number) => boolean): boolean => {
    for (let k = 0; k < ts.length; k++) if (f(s, ts[k]!)) return true;
    return false;
  };
  const list: { name: string; description: string; holds: (s: S) => boolean }[] = [
    {
      name: 'NoMoneyCreated',
      description: 'external + internal never exceed the initial total; nothing is credited without its debit',
      holds: (s) => m.externalBalance(s) + m.internalBalance(s) <= m.balance && !any(s, m.creditedWithoutDebit),
    },
    {
      name: 'NoOverdraft',
      description: 'no balance goes negative',
      holds: (s) => lowest(s) >= 0 && m.internalBalance(s) >= 0,
    },
    {
      name: 'NoOrphanedMoney',
      description: 'money that left the external account is credited, returned, or covered by a durable obligation',
      holds: (s) => !any(s, m.orphaned),
    },
    {
      name: 'HonestAnswers',
      description: 'SUCCESS means credited; FAILED means no net movement once the system is quiescent',
      holds: (s) => !any(s, m.answeredSuccessWithoutCredit) && (!m.quiescent(s) || !any(s, m.answeredFailedWithMovement)),
    },
    {
      name: 'NoMoneyLost',
      description: 'when the system is quiescent, external + internal equal the initial total',
      holds: (s) => !m.quiescent(s) || m.externalBalance(s) + m.internalBalance(s) === m.balance,
    },
    {
      name: 'AllSettled',
      description: 'when the system is quiescent, every submitted transfer has reached a final state',
      holds: (s) => !m.quiescent(s) || !any(s, m.unsettled),
    },
  ];
  // S is StateOf<Sh>; the second type parameter only lets callers name the state type once.
  return list as unknown as InvariantDef<Sh>[];
}
