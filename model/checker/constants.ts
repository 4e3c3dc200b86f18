/**
 * Validation of model constants given as NAME=VALUE. Unknown names and values
 * that are not integers within the declared bounds (or, for a boolean
 * constant, TRUE or FALSE) are refused with a message naming the constant,
 * before any search starts.
 */
import type { Constants, ModelDef } from './define.ts';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function resolveConstants(def: ModelDef, assignments: readonly string[]): Checked<Constants> {
  const values: Record<string, number> = Object.fromEntries(def.constants.map((c) => [c.name, c.default]));
  const known = def.constants.map((c) => c.name).join(', ');
  for (const raw of assignments) {
    const eq = raw.indexOf('=');
    if (eq <= 0) return { ok: false, message: `--const expects NAME=VALUE, got "${raw}"` };
    const name = raw.slice(0, eq).trim();
    const text = raw.slice(eq + 1).trim();
    const decl = def.constants.find((c) => c.name === name);
    if (!decl) {
      return { ok: false, message: `--const ${name}: model ${def.id} has no constant ${name} (known: ${known || 'none'})` };
    }
    const truth = decl.boolean === true ? /^(true|false)$/i.exec(text) : null;
    if (truth) {
      values[name] = truth[1]!.toLowerCase() === 'true' ? 1 : 0;
      continue;
    }
    if (decl.boolean === true && text !== '0' && text !== '1') {
      return { ok: false, message: `--const ${name}: value must be TRUE or FALSE, got "${text}"` };
    }
    if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
      const expected = decl.boolean === true ? 'TRUE or FALSE' : 'an integer';
      return { ok: false, message: `--const ${name}: value must be ${expected}, got "${text}"` };
    }
    const value = Number(text);
    if (value < decl.min || value > decl.max) {
      return { ok: false, message: `--const ${name}: value ${value} is outside ${decl.min}..${decl.max}` };
    }
    values[name] = value;
  }
  return { ok: true, value: values };
}
