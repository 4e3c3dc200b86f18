/**
 * Resolves `--design` for any system: a built-in design by name, or a module
 * path whose export has the members the system's contract requires (each
 * named with what it must be). Failures are values with a message naming
 * the flag and what is missing.
 */
import { importDesignModule, looksLikePath } from '../design/design-module.ts';
import type { DesignLoad } from './system-def.ts';

export interface DesignShape {
  /** A member the export must have, and how the message describes it. */
  member: string;
  /** How the message names the member, e.g. `create(ports)`; default: the member's name. */
  shows?: string;
  describe: string;
  type: 'string' | 'function';
  /** For a string member: the value it must have (a design naming the system it implements). */
  equals?: string;
}

export async function loadSystemDesign<D extends { name: string }>(systemId: string, builtIns: readonly D[], nameOrPath: string, shape: readonly DesignShape[]): Promise<DesignLoad> {
  const builtIn = builtIns.find((d) => d.name === nameOrPath);
  if (builtIn !== undefined) return { ok: true, design: builtIn, name: builtIn.name };
  if (!looksLikePath(nameOrPath)) {
    return { ok: false, message: `--design: unknown design "${nameOrPath}" for ${systemId} (known: ${builtIns.map((d) => d.name).join(', ')}, or a module path)` };
  }
  const imported = await importDesignModule(nameOrPath);
  if (!imported.ok) return imported;
  const candidate = imported.exported as Record<string, unknown>;
  const wrong = (s: DesignShape): boolean => typeof candidate[s.member] !== s.type || candidate[s.member] === '' || (s.equals !== undefined && candidate[s.member] !== s.equals);
  const problems = shape.filter(wrong).map((s) => `${s.shows ?? s.member} (${s.describe})`);
  if (problems.length > 0) return { ok: false, message: `--design: the design exported by "${nameOrPath}" lacks ${problems.join(', ')}` };
  return { ok: true, design: { description: '', ...candidate }, name: nameOrPath };
}
