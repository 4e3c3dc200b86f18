/**
 * Liveness of the sharded-transfer models: under weak fairness of each node's
 * steps and of the stub (faults are never fair), every transfer eventually
 * stays terminal: committed, released, parked for reconciliation, or refused.
 */
import type { ActionDef, EventuallyAlways, FairnessDef } from '../checker/define.ts';
import type { ShardedShape, ShardedState } from './shape.ts';

export function terminatesProperties(T: readonly number[], terminal: (s: ShardedState, t: number) => boolean): EventuallyAlways<ShardedShape>[] {
  return T.map((t) => ({
    kind: 'eventually-always' as const,
    name: `Terminates_${t}`,
    description: `transfer ${t} eventually reaches a terminal state (committed, released, parked or refused) and stays there`,
    p: (s: ShardedState) => terminal(s, t),
  }));
}

/** One weak-fairness group per process, naming only the actions this configuration has. */
export function fairnessOf(actions: readonly ActionDef<ShardedShape>[], groups: Readonly<Record<string, readonly string[]>>): FairnessDef[] {
  const present = new Set(actions.map((a) => a.name));
  return Object.entries(groups).map(([name, names]) => ({ name, actions: names.filter((a) => present.has(a)) }));
}
