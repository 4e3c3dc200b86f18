/**
 * What the simulator's fakes (sim/fakes/) need from their host, on real time.
 *
 * The fake institution and ledger are state machines that read two things
 * from the simulator: the current time (`now`, to judge a request's expiry
 * and downtime windows) and the choice source (whether a fault fires). Giving
 * them wall-clock time in epoch milliseconds, the same time line the real
 * coordinator's clock uses, and a seeded choice source lets the very same
 * code keep the books of a real run, instead of a copy that could drift.
 */
import type { ChoiceSource } from '../../sim/choice/choice-source.ts';
import type { Simulator } from '../../sim/kernel/simulator.ts';

export type FakeHost = Pick<Simulator, 'now' | 'choice'>;

export function wallClockHost(choice: ChoiceSource): FakeHost {
  return {
    get now(): number {
      return Date.now();
    },
    choice,
  };
}

/** The fakes' constructors ask for a whole simulator; they only ever read `now` and `choice`. */
export function asSimulator(host: FakeHost): Simulator {
  return host as Simulator;
}
