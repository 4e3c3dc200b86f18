/**
 * The exhaustive world's options on the command line: `--option name=value`
 * (repeatable) for any option a system declares, and the alias flags a
 * system names for some of them (bank-transfer: `--workload`,
 * `--external-mode`). Values are validated against the system's
 * declarations, with messages naming the flag; defaults fill in the rest.
 */
import type { SystemDef } from '../../sim/systems/system-def.ts';
import { resolveWorldOptions, splitOptionArgs, type GeneratedWorld, type WorldOptionValues } from '../../sim/systems/world-options.ts';
import type { Parsed } from './parse-int.ts';

/** Collects `--option` values, for commander. */
export function collectOption(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const camel = (flag: string): string => flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function resolveOptionFlags(system: SystemDef, opts: Readonly<Record<string, unknown>>, optionArgs: readonly string[] | undefined, world: GeneratedWorld = 'exhaustive'): Parsed<WorldOptionValues> {
  const split = splitOptionArgs(optionArgs ?? []);
  if (!split.ok) return split;
  const raw: Record<string, string> = { ...split.value };
  const from: Record<string, string> = Object.fromEntries(Object.keys(raw).map((k) => [k, `--option ${k}`]));
  for (const d of system.worldOptions) {
    if (d.flag === undefined) continue;
    const v = opts[camel(d.flag)];
    if (v === undefined) continue;
    if (raw[d.name] !== undefined) return { ok: false, message: `${d.flag} and --option ${d.name} set the same option: give one` };
    raw[d.name] = String(v);
    from[d.name] = d.flag;
  }
  return resolveWorldOptions(system.worldOptions, raw, (name) => from[name] ?? `--option ${name}`, world);
}
