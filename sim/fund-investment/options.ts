/**
 * Fund-investment's world options, declared for the CLI (`--option
 * name=value`, validated and listed by `moneysim list`): the database's
 * isolation level and the investor service's mode apply to the swarm and
 * the exhaustive world (scenarios keep their own); by default each swarm
 * seed draws the mode, so that one sweep covers both. `investments` sizes
 * the exhaustive workload.
 */
import { ISOLATION_LEVELS, type IsolationLevel } from '../../impl/ports/sql.ts';
import type { WorldOptionDecl, WorldOptionValues } from '../systems/world-options.ts';

export interface FundOptions {
  isolation: IsolationLevel;
  /** `mixed`: each swarm seed draws one of the two (the exhaustive world takes idempotent). */
  investorMode: 'mixed' | 'idempotent' | 'non-idempotent';
  investments: number;
}

export const FUND_OPTIONS: readonly WorldOptionDecl[] = [
  { name: 'isolation', description: "isolation level of the transaction service's database", kind: 'enum', default: 'read-committed', values: ISOLATION_LEVELS, worlds: ['swarm', 'exhaustive'] },
  {
    name: 'investorMode',
    description: 'whether the investor service answers a repeated withdrawal key with its first answer (idempotent) or applies it again; mixed: each swarm seed draws one (the exhaustive world takes idempotent)',
    kind: 'enum',
    default: 'mixed',
    values: ['mixed', 'idempotent', 'non-idempotent'],
    worlds: ['swarm', 'exhaustive'],
  },
  { name: 'investments', description: 'investments in the exhaustive workload (two investors racing for the last seat, then one investor racing themself)', kind: 'int', default: 2, min: 1, max: 3, shrinkable: true },
];

/** Typed options from resolved values (defaults where absent). */
export function fundOptions(values: WorldOptionValues | undefined): FundOptions {
  const v = values ?? {};
  return {
    isolation: (ISOLATION_LEVELS as readonly string[]).includes(String(v.isolation)) ? (v.isolation as IsolationLevel) : 'read-committed',
    investorMode: v.investorMode === 'non-idempotent' || v.investorMode === 'idempotent' ? v.investorMode : 'mixed',
    investments: typeof v.investments === 'number' ? v.investments : 2,
  };
}
