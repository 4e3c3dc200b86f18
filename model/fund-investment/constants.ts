/**
 * The constants both fund-investment models take. The designs differ in
 * their defaults only: the naive design's default is the race for the last
 * seat with no fault at all; the reference's has three investors racing for
 * two seats against a non-idempotent investor service with every fault once.
 */
import type { ConstantDecl, Constants } from '../checker/define.ts';
import type { Bounds } from './shape.ts';

export interface Defaults {
  readonly n: number;
  readonly seats: number;
  readonly faults: number;
}

export function fundConstants(d: Defaults): ConstantDecl[] {
  return [
    { name: 'N', description: 'investments, each by a different investor into the one fund', default: d.n, min: 1, max: 3 },
    { name: 'SEATS', description: "the fund's seats", default: d.seats, min: 1, max: 3 },
    { name: 'IDEMPOTENT', description: 'the investor service answers a repeated withdrawal key with the first answer; FALSE: applies it again', default: 0, min: 0, max: 1, boolean: true },
    { name: 'CRASHES', description: "worker crashes (its memory is lost; the queue redelivers) and relay crashes between sending and marking sent", default: d.faults, min: 0, max: 2 },
    { name: 'LOSSES', description: 'withdrawal replies lost after the withdrawal was applied', default: d.faults, min: 0, max: 2 },
    { name: 'DUPLICATES', description: 'withdrawal requests duplicated by the network', default: d.faults, min: 0, max: 2 },
    { name: 'REFUSALS', description: 'remittances the fund refuses for good (a compliance hold)', default: d.faults, min: 0, max: 2 },
  ];
}

export function boundsOf(c: Constants): Bounds {
  return {
    n: c['N']!,
    seats: c['SEATS']!,
    idempotent: c['IDEMPOTENT'] === 1,
    crashes: c['CRASHES']!,
    losses: c['LOSSES']!,
    duplicates: c['DUPLICATES']!,
    refusals: c['REFUSALS']!,
  };
}
