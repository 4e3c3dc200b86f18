/**
 * Durations on the command line: a whole number with a unit, `ms`, `s` or
 * `m` (`500ms`, `60s`, `2m`), and ranges of two (`1s-5s`). A bare number is
 * refused rather than guessed at. Messages name the flag.
 */
import type { Parsed } from './parse-int.ts';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

export function parseDurationMs(raw: string | undefined, flag: string, fallbackMs: number): Parsed<number> {
  if (raw === undefined) return { ok: true, value: fallbackMs };
  const m = /^\s*(\d+)\s*(ms|s|m)\s*$/.exec(raw);
  if (m === null) return { ok: false, message: `${flag} must be a duration such as 500ms, 60s or 2m, got "${raw}"` };
  const value = Number(m[1]) * UNIT_MS[m[2]!]!;
  if (!Number.isSafeInteger(value)) return { ok: false, message: `${flag} is too large: "${raw}"` };
  return { ok: true, value };
}

export function parseDurationRangeMs(raw: string | undefined, flag: string, fallback: { minMs: number; maxMs: number }): Parsed<{ minMs: number; maxMs: number }> {
  if (raw === undefined) return { ok: true, value: fallback };
  const parts = raw.split('-');
  if (parts.length > 2) return { ok: false, message: `${flag} must be a duration or a range such as 1s-5s, got "${raw}"` };
  const min = parseDurationMs(parts[0], flag, 0);
  if (!min.ok) return { ok: false, message: `${flag} must be a duration or a range such as 1s-5s, got "${raw}"` };
  const max = parts.length === 2 ? parseDurationMs(parts[1], flag, 0) : min;
  if (!max.ok) return { ok: false, message: `${flag} must be a duration or a range such as 1s-5s, got "${raw}"` };
  if (max.value < min.value) return { ok: false, message: `${flag}: the range's end is below its start in "${raw}"` };
  return { ok: true, value: { minMs: min.value, maxMs: max.value } };
}
