/**
 * `--time-limit DURATION`: a wall-clock budget for a sweep, written as a
 * number with a unit (`1500ms`, `90s`, `5m`, `1h`) or a sum of such parts
 * (`1m30s`). A bare number is refused rather than guessed at, because seconds
 * and minutes are both plausible readings and a CI budget off by sixty times
 * either wastes an hour or tests nothing.
 */
import type { Parsed } from './parse-int.ts';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The longest budget accepted: a week, far beyond any CI job, and well inside the safe integers. */
export const TIME_LIMIT_MS_MAX = 7 * 24 * 3_600_000;

/** The budget in milliseconds, or null when the flag was not given. */
export function parseTimeLimit(raw: string | undefined): Parsed<number | null> {
  if (raw === undefined) return { ok: true, value: null };
  const text = raw.trim();
  const bad = { ok: false as const, message: `--time-limit must be a duration such as 90s, 5m, 1h or 1m30s (units ms, s, m, h), got "${raw}"` };
  if (!/^(\d+(ms|s|m|h))+$/.test(text)) return bad;
  let totalMs = 0;
  for (const part of text.matchAll(/(\d+)(ms|s|m|h)/g)) totalMs += Number(part[1]) * UNIT_MS[part[2]!]!;
  if (totalMs < 1) return { ok: false, message: `--time-limit must be more than zero, got "${raw}"` };
  if (totalMs > TIME_LIMIT_MS_MAX) return { ok: false, message: `--time-limit must be at most 168h (a week), got "${raw}"` };
  return { ok: true, value: totalMs };
}

/** A budget as the user would write it back: `5m`, `1m30s`, `1500ms`. */
export function formatDuration(ms: number): string {
  if (ms % 1000 !== 0) return `${ms}ms`;
  let rest = ms / 1000;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 ? `${s}s` : ''].join('');
  return parts === '' ? '0s' : parts;
}
