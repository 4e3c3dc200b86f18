/**
 * The invariants and the liveness property of the fund-investment models,
 * the same for both designs. Everything is judged on the services' books
 * (withdrawals, refunds, remittances, the notification log) and the
 * transaction rows; each design says only when it is quiescent (no worker
 * memory, no unsent outbox row, every recorded transaction terminal).
 */
import type { EventuallyAlways, InvariantDef } from '../checker/define.ts';
import { Row, admitted, inFlight, isTerminal, reserved, type Bounds, type FundShape, type FundState } from './shape.ts';

export function fundInvariants(b: Bounds, quiescent: (s: FundState) => boolean): InvariantDef<FundShape>[] {
  const every = (s: FundState, f: (t: number) => boolean): boolean => {
    for (let t = 0; t < b.n; t++) if (!f(t)) return false;
    return true;
  };
  const recorded = (s: FundState, t: number): boolean => s.row[t] !== Row.new && s.row[t] !== Row.refused;
  return [
    {
      name: 'MoneyConserved',
      description: 'no transaction sends on (remits plus refunds) more than it withdrew: investors + fund + in flight = initial total',
      holds: (s) => every(s, (t) => inFlight(s, t) >= 0),
    },
    {
      name: 'NoOrphanedMoney',
      description: 'a COMPLETE or FAILED transaction has no money in flight (withdrawn, neither in the fund nor refunded)',
      holds: (s) => every(s, (t) => !isTerminal(s, t) || inFlight(s, t) === 0),
    },
    {
      name: 'RemittedAtMostOnce',
      description: 'no transaction reaches the fund twice',
      holds: (s) => every(s, (t) => s.remitted[t]! <= 1),
    },
    {
      name: 'NoRefundWithoutWithdrawal',
      description: 'no transaction is refunded more than it withdrew',
      holds: (s) => every(s, (t) => s.refunded[t]! <= s.withdrawn[t]!),
    },
    {
      name: 'SeatsRespected',
      description: 'the fund admits and reserves no more investors than its seats',
      holds: (s) => admitted(s, b.n) <= b.seats && reserved(s, b.n) <= b.seats,
    },
    {
      name: 'StateMatchesBooks',
      description: "a COMPLETE transaction's money reached the fund; a FAILED one's did not",
      holds: (s) => every(s, (t) => (s.row[t] !== Row.complete || s.remitted[t]! > 0) && (s.row[t] !== Row.failed || s.remitted[t] === 0)),
    },
    {
      name: 'NotifiedAtMostOnce',
      description: 'the notification log holds at most one message per transaction (and party)',
      holds: (s) => every(s, (t) => s.notes[t]! <= 1),
    },
    {
      name: 'NotifiedExactlyOnce',
      description: 'when the design is quiescent, every recorded transaction is terminal and was notified exactly once',
      holds: (s) => !quiescent(s) || every(s, (t) => !recorded(s, t) || (isTerminal(s, t) && s.notes[t] === 1)),
    },
    {
      name: 'SeatsReleased',
      description: 'when the design is quiescent, no FAILED transaction holds a seat reservation',
      holds: (s) => !quiescent(s) || every(s, (t) => s.row[t] !== Row.failed || s.seat[t] === 0),
    },
  ];
}

/** Transaction t is over for good: refused, or terminal with its notification recorded and nothing left to send. */
export function settled(s: FundState, t: number): boolean {
  if (s.pc[t] !== 0 || s.outbox[t] !== 0) return false;
  return s.row[t] === Row.refused || (isTerminal(s, t) && s.notes[t] === 1);
}

export function settlesProperties(n: number): EventuallyAlways<FundShape>[] {
  return Array.from({ length: n }, (_, t) => ({
    kind: 'eventually-always' as const,
    name: `Settles_${t}`,
    description: `investment ${t} eventually settles (refused, or COMPLETE or FAILED and notified once) and stays so`,
    p: (s: FundState) => settled(s, t),
  }));
}
