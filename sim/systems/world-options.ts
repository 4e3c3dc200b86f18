/**
 * Options of a system's generated worlds (the swarm and the exhaustive world), as
 * the system declares them: the CLI validates the values a user gives
 * (`--option name=value`, or a flag the system names as its alias) against
 * the declaration, fills in defaults, and lists the options; runs, recipes
 * and replay lines carry the resolved values by name. Nothing generic needs
 * to know what an option means.
 */

export type WorldOptionValue = number | string;
export type WorldOptionValues = Readonly<Record<string, WorldOptionValue>>;

export interface WorldOptionDecl {
  name: string;
  description: string;
  kind: 'int' | 'enum';
  default: WorldOptionValue;
  /** Bounds of an integer option. */
  min?: number;
  max?: number;
  /** Values of an enum option. */
  values?: readonly string[];
  /** A CLI flag that sets this option too (kept for the commands users already know). */
  flag?: string;
  /** The shrinker may try smaller values of this integer option (fewer units of work). */
  shrinkable?: boolean;
  /** The generated worlds the option shapes; default: the exhaustive world only. */
  worlds?: ReadonlyArray<'swarm' | 'exhaustive'>;
}

export type GeneratedWorld = 'swarm' | 'exhaustive';

/** The declarations that shape `world`. */
export function optionsFor(decls: readonly WorldOptionDecl[], world: GeneratedWorld): WorldOptionDecl[] {
  return decls.filter((d) => (d.worlds ?? ['exhaustive']).includes(world));
}

export type OptionsCheck = { ok: true; value: WorldOptionValues } | { ok: false; message: string };

/** Validates raw option values against the declarations and fills in the defaults. `source(name)` names where a value came from, for messages. */
export function resolveWorldOptions(all: readonly WorldOptionDecl[], raw: Readonly<Record<string, string>>, source: (name: string) => string, world: GeneratedWorld = 'exhaustive'): OptionsCheck {
  const decls = optionsFor(all, world);
  for (const name of Object.keys(raw)) {
    if (decls.some((d) => d.name === name)) continue;
    if (all.some((d) => d.name === name)) {
      return { ok: false, message: `${source(name)}: option "${name}" shapes only the ${world === 'swarm' ? 'exhaustive' : 'swarm'} world; ${world === 'swarm' ? 'add --strategy exhaustive (or --world exhaustive)' : 'it applies to random and pct runs'}` };
    }
    const known = all.map((d) => d.name).join(', ') || 'none';
    return { ok: false, message: `${source(name)}: this system has no world option "${name}" (known: ${known})` };
  }
  const out: Record<string, WorldOptionValue> = {};
  for (const d of decls) {
    const text = raw[d.name];
    if (text === undefined) {
      out[d.name] = d.default;
      continue;
    }
    if (d.kind === 'enum') {
      if (!(d.values ?? []).includes(text)) return { ok: false, message: `${source(d.name)} must be ${(d.values ?? []).join(' or ')}, got "${text}"` };
      out[d.name] = text;
      continue;
    }
    const n = Number(text);
    if (!/^-?\d+$/.test(text.trim())) return { ok: false, message: `${source(d.name)} must be an integer, got "${text}"` };
    if (!Number.isSafeInteger(n)) return { ok: false, message: `${source(d.name)} must be between ${d.min ?? '-inf'} and ${d.max ?? 'inf'}, got ${text.trim()}` };
    if ((d.min !== undefined && n < d.min) || (d.max !== undefined && n > d.max)) {
      return { ok: false, message: `${source(d.name)} must be between ${d.min ?? '-inf'} and ${d.max ?? 'inf'}, got ${n}` };
    }
    out[d.name] = n;
  }
  return { ok: true, value: out };
}

/** Splits `--option name=value` arguments; a malformed one is a message. */
export function splitOptionArgs(args: readonly string[]): { ok: true; value: Record<string, string> } | { ok: false; message: string } {
  const out: Record<string, string> = {};
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq <= 0) return { ok: false, message: `--option expects NAME=VALUE, got "${a}"` };
    const name = a.slice(0, eq).trim();
    if (name in out) return { ok: false, message: `--option ${name} is given twice: give it once` };
    out[name] = a.slice(eq + 1).trim();
  }
  return { ok: true, value: out };
}

/** A short text of the options, e.g. "transfers=2 externalMode=idempotent". */
export function describeOptions(values: WorldOptionValues): string {
  return Object.entries(values).map(([k, v]) => `${k}=${v}`).join(' ');
}
