/**
 * The constants both sharded-transfer models take, and the bounds built from
 * them. The designs differ in their defaults only: the naive design reads
 * then updates, and its default shows the two-transfer race; the reference
 * design blocks with one conditional update, and its default has three
 * transfers (the last a withdrawal) racing on funds for two.
 */
import type { ConstantDecl, Constants } from '../checker/define.ts';
import type { Bounds } from './shape.ts';

/** The defaults that differ between the designs. */
export interface Defaults {
  readonly n: number;
  readonly funds: number;
  readonly atomic: boolean;
  readonly withdrawal: boolean;
}

export function shardedConstants(d: Defaults): ConstantDecl[] {
  return [
    { name: 'N', description: 'transfers, all from the donor (node 0) to the receiver (node 1) racing on one donor', default: d.n, min: 1, max: 3 },
    { name: 'FUNDS', description: "the donor's opening balance, in transfers' worth", default: d.funds, min: 0, max: 3 },
    { name: 'ATOMIC', description: 'the block is one conditional update; FALSE: read, check in the node, then update', default: d.atomic ? 1 : 0, min: 0, max: 1, boolean: true },
    { name: 'SERIALIZABLE', description: 'scope 1 runs at serializable (first updater wins); FALSE: read committed', default: 0, min: 0, max: 1, boolean: true },
    { name: 'CRASHES', description: 'node crashes (memory and open transactions lost)', default: 1, min: 0, max: 2 },
    { name: 'DUPLICATES', description: 'stage deliveries made twice', default: 1, min: 0, max: 2 },
    { name: 'LOSSES', description: 'commit replies lost after the commit', default: 1, min: 0, max: 2 },
    { name: 'RESTARTS', description: 'withdrawal stub restarts (it forgets every withdrawal)', default: 1, min: 0, max: 2 },
    { name: 'WITHDRAWAL', description: 'the last transfer is a withdrawal to an external payee through the stub', default: d.withdrawal ? 1 : 0, min: 0, max: 1, boolean: true },
  ];
}

export function boundsOf(c: Constants): Bounds {
  return {
    n: c['N']!,
    funds: c['FUNDS']!,
    atomic: c['ATOMIC'] === 1,
    serializable: c['SERIALIZABLE'] === 1,
    crashes: c['CRASHES']!,
    duplicates: c['DUPLICATES']!,
    losses: c['LOSSES']!,
    restarts: c['RESTARTS']!,
    withdrawal: c['WITHDRAWAL'] === 1,
  };
}
