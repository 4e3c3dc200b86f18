/**
 * Sharded-transfer's world options, declared for the CLI (`--option
 * name=value`, validated and listed by `moneysim list`): the database's
 * isolation level and the withdrawal service's mode apply to every world
 * (swarm, exhaustive, scenarios keep their own); `transfers` sizes the
 * exhaustive workload.
 */
import { ISOLATION_LEVELS, type IsolationLevel } from '../../impl/ports/sql.ts';
import type { WorldOptionDecl, WorldOptionValues } from '../systems/world-options.ts';

export interface ShardedOptions {
  isolation: IsolationLevel;
  stubMode: 'stateless' | 'durable';
  transfers: number;
}

export const SHARDED_OPTIONS: readonly WorldOptionDecl[] = [
  { name: 'isolation', description: 'isolation level of the shared database', kind: 'enum', default: 'read-committed', values: ISOLATION_LEVELS, worlds: ['swarm', 'exhaustive'] },
  { name: 'stubMode', description: 'whether the withdrawal service forgets everything on restart (stateless, the seed\'s stub) or keeps its records', kind: 'enum', default: 'stateless', values: ['stateless', 'durable'], worlds: ['swarm', 'exhaustive'] },
  { name: 'transfers', description: 'transfers in the exhaustive workload (all from one donor, racing)', kind: 'int', default: 2, min: 1, max: 4, shrinkable: true },
];

/** Typed options from resolved values (defaults where absent). */
export function shardedOptions(values: WorldOptionValues | undefined): ShardedOptions {
  const v = values ?? {};
  return {
    isolation: (ISOLATION_LEVELS as readonly string[]).includes(String(v.isolation)) ? (v.isolation as IsolationLevel) : 'read-committed',
    stubMode: v.stubMode === 'durable' ? 'durable' : 'stateless',
    transfers: typeof v.transfers === 'number' ? v.transfers : 2,
  };
}
