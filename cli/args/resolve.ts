/**
 * Turns CLI arguments naming systems, designs, scenarios and trace formats
 * into values, or into a message naming the argument (exit code 2).
 */
import { findSystem, SYSTEMS } from '../../sim/systems/registry.ts';
import type { SystemDef } from '../../sim/systems/system-def.ts';
import type { Parsed } from './parse-int.ts';

export type TraceFormat = 'text' | 'json' | 'mermaid';

export function resolveSystem(id: string): Parsed<SystemDef> {
  const system = findSystem(id);
  if (system === undefined) {
    return { ok: false, message: `<system>: unknown system "${id}" (known: ${SYSTEMS.map((s) => s.id).join(', ')})` };
  }
  if (system.status !== 'ready') return { ok: false, message: `<system>: "${id}" is planned but not implemented yet` };
  return { ok: true, value: system };
}

export async function resolveDesign(system: SystemDef, raw: string | undefined): Promise<Parsed<{ design: unknown; name: string }>> {
  const loaded = await system.loadDesign(raw ?? system.defaultDesign);
  return loaded.ok ? { ok: true, value: { design: loaded.design, name: loaded.name } } : { ok: false, message: loaded.message };
}

export function resolveTraceFormat(raw: string | undefined): Parsed<TraceFormat> {
  const value = raw ?? 'text';
  if (value === 'text' || value === 'json' || value === 'mermaid') return { ok: true, value };
  return { ok: false, message: `--trace must be text, json or mermaid, got "${value}"` };
}

/** Splits `system/scenario`. */
export function resolveScenario(target: string): Parsed<{ system: SystemDef; scenario: string }> {
  const slash = target.indexOf('/');
  if (slash < 0) return { ok: false, message: `<system>/<scenario>: expected e.g. bank-transfer/happy-path, got "${target}"` };
  const system = resolveSystem(target.slice(0, slash));
  if (!system.ok) return system;
  const name = target.slice(slash + 1);
  const known = system.value.scenarios().map((s) => s.name);
  if (!known.includes(name)) {
    return { ok: false, message: `<system>/<scenario>: unknown scenario "${name}" for ${system.value.id} (known: ${known.join(', ')})` };
  }
  return { ok: true, value: { system: system.value, scenario: name } };
}
