/**
 * Accounts-advances' world options, declared for the CLI (`--option
 * name=value`, validated and listed by `moneysim list`): the isolation level
 * of both databases applies to every generated world; `workers` sizes the
 * exhaustive world's pool of workers racing for one payment.
 */
import { ISOLATION_LEVELS, type IsolationLevel } from '../../impl/ports/sql.ts';
import type { WorldOptionDecl, WorldOptionValues } from '../systems/world-options.ts';

export interface AdvancesOptions {
  isolation: IsolationLevel;
  workers: number;
}

export const ADVANCES_OPTIONS: readonly WorldOptionDecl[] = [
  { name: 'isolation', description: 'isolation level of both databases', kind: 'enum', default: 'read-committed', values: ISOLATION_LEVELS, worlds: ['swarm', 'exhaustive'] },
  { name: 'workers', description: 'workers taking payment tasks in the exhaustive world', kind: 'int', default: 2, min: 1, max: 3, shrinkable: true },
];

/** Typed options from resolved values (defaults where absent). */
export function advancesOptions(values: WorldOptionValues | undefined): AdvancesOptions {
  const v = values ?? {};
  return {
    isolation: (ISOLATION_LEVELS as readonly string[]).includes(String(v.isolation)) ? (v.isolation as IsolationLevel) : 'read-committed',
    workers: typeof v.workers === 'number' ? v.workers : 2,
  };
}
