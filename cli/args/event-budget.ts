/**
 * `--event-budget-ms`, read from the raw arguments: the supervisor needs it
 * before the command is parsed, and main() refuses a bad value (exit 2)
 * before anything runs. One reader serves both.
 */

/** Default wall-clock budget of one simulated event, in ms. */
export const EVENT_BUDGET_MS_DEFAULT = 10_000;

export type EventBudget = { ok: true; value: number } | { ok: false; message: string };

export function readEventBudget(argv: readonly string[]): EventBudget {
  const i = argv.findIndex((a) => a === '--event-budget-ms' || a.startsWith('--event-budget-ms='));
  if (i < 0) return { ok: true, value: EVENT_BUDGET_MS_DEFAULT };
  const raw = argv[i]!.includes('=') ? argv[i]!.slice(argv[i]!.indexOf('=') + 1) : argv[i + 1] ?? '';
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) return { ok: false, message: `--event-budget-ms must be a positive integer of milliseconds, got "${raw}"` };
  return { ok: true, value: Number(raw) };
}
