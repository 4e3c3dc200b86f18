/**
 * A built-in scenario of a system whose scenarios are declared in code: a
 * configuration built from the system's calm world plus the fault it is
 * about, a seed, and the outcome each built-in design must give. Also the
 * two expectations every catalogue uses and the builder of a configuration
 * from the calm world.
 */
import type { ScenarioExpectation } from '../systems/system-def.ts';

export interface ScenarioEntry<Config> {
  name: string;
  description: string;
  seed: number;
  config: () => Config;
  expect: Record<string, ScenarioExpectation>;
}

export const OK: ScenarioExpectation = { ok: true };

export const fails = (invariant: string): ScenarioExpectation => ({ ok: false, invariant });

/** A builder of configurations: the calm world with an edit applied, made fresh on every call. */
export function editedWorld<Config>(calm: () => Config): (edit: (c: Config) => void) => () => Config {
  return (edit) => () => {
    const c = calm();
    edit(c);
    return c;
  };
}
