/**
 * Validation of integer-valued CLI flags. Returns a value or a message that
 * names the flag; the caller turns a message into exit code 2 before any work
 * starts, so bad input never half-applies.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseNonNegativeInt(raw: string | undefined, flag: string, fallback: number): Parsed<number> {
  if (raw === undefined) return { ok: true, value: fallback };
  if (!/^\d+$/.test(raw.trim())) {
    return { ok: false, message: `${flag} must be a non-negative integer, got "${raw}"` };
  }
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value)) {
    return { ok: false, message: `${flag} is too large: "${raw}"` };
  }
  return { ok: true, value };
}

export function parsePositiveInt(raw: string | undefined, flag: string, fallback: number): Parsed<number> {
  const parsed = parseNonNegativeInt(raw, flag, fallback);
  if (parsed.ok && parsed.value === 0) {
    return { ok: false, message: `${flag} must be at least 1, got "${raw}"` };
  }
  return parsed;
}
