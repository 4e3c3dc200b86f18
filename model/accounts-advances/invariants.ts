/**
 * The invariants and the liveness property of the accounts-advances models,
 * the same for both designs, judged on the advances database's payment rows
 * and on what the accounts manager collected.
 *
 * Money is counted in whole units of one installment, so the arithmetic is
 * exact: the account's balance is its funds minus `bank`, and the advance
 * is ADVANCE = W units. The seed's reconciliation formula is checked after
 * every step: the payments that are paid, due or being processed add up to
 * the advance (a carried-forward payment is FAILED and its amount sits in a
 * later one).
 */
import type { ActionDef, EventuallyAlways, FairnessDef, InvariantDef } from '../checker/define.ts';
import { Pay, quiescent, slotsOf, type AdvancesShape, type AdvancesState, type Bounds } from './shape.ts';

export function advancesInvariants(b: Bounds): InvariantDef<AdvancesShape>[] {
  const slots = slotsOf(b);
  return [
    {
      name: 'CollectedOnce',
      description: 'the accounts manager debited each payment at most once',
      holds: (s) => {
        for (let p = 0; p < slots; p++) if (s.debits[p]! > 1) return false;
        return true;
      },
    },
    {
      name: 'NotOverCollected',
      description: 'the bank never collected more than the advance',
      holds: (s) => s.bank <= b.weeks,
    },
    {
      name: 'Reconciliation',
      description: "the seed's formula: paid + due + processing payments sum to the advance",
      holds: (s) => {
        let sum = 0;
        for (let p = 0; p < slots; p++) {
          const st = s.state[p];
          if (st === Pay.paid || st === Pay.due || st === Pay.processing) sum += s.amount[p]!;
        }
        return sum === b.weeks;
      },
    },
    {
      name: 'RepaidAtQuiescence',
      description: 'when nothing is left to do, the bank collected exactly the advance',
      holds: (s) => !quiescent(s, b) || s.bank === b.weeks,
    },
  ];
}

/** Under weak fairness of the beat, the workers and the lease clock, the advance is eventually repaid for good. */
export function repaidProperty(b: Bounds): EventuallyAlways<AdvancesShape> {
  return {
    kind: 'eventually-always',
    name: 'Repaid',
    description: 'eventually nothing is due or leased and the bank collected exactly the advance, and it stays so',
    p: (s: AdvancesState) => quiescent(s, b) && s.bank === b.weeks,
  };
}

/** One weak-fairness group per process, naming only the actions this design has. */
export function fairnessOf(actions: readonly ActionDef<AdvancesShape>[], groups: Readonly<Record<string, readonly string[]>>): FairnessDef[] {
  const present = new Set(actions.map((a) => a.name));
  return Object.entries(groups).map(([name, names]) => ({ name, actions: names.filter((a) => present.has(a)) }));
}
