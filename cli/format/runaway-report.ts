/**
 * The report of a run stopped by the watchdog: the seed and step it was at,
 * the line that replays it, and what "runaway" means. The replay line is
 * derived from the command that was running: an explored seed replays with
 * `replay --seed`; anything else (a replay, a scenario, an exhaustive
 * schedule, which has no seed) is rerun with the same command.
 */
import { shellLine } from './shell-quote.ts';

/**
 * Microtask turns (promises created) one simulated event may take, the
 * watchdog's second budget. A normal event takes a handful; code spinning on
 * `await` reaches this within a second or two, before the wall-clock budget.
 */
export const EVENT_TURNS_MAX = 10_000_000;

export interface RunawayReport {
  seed: number | null;
  step: number;
  timeMs: number;
  wallMs: number;
  /** Microtask turns (promises created) the event took. */
  turns: number;
}

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** The line that reproduces the runaway run. `args` are the command's arguments after the program name. */
export function runawayReplay(args: readonly string[], seed: number | null): string {
  const strategy = flag(args, '--strategy') ?? 'random';
  if (args[0] === 'explore' && seed !== null && strategy !== 'exhaustive') {
    const words = ['npx', 'moneysim', 'replay', args[1] ?? '', '--design', flag(args, '--design') ?? 'reference', '--seed', String(seed)];
    if (strategy === 'pct') words.push('--strategy', 'pct', '--pct-depth', flag(args, '--pct-depth') ?? '3', '--pct-steps', flag(args, '--pct-steps') ?? '50');
    // The same budget, so the replay is stopped as quickly as the run was.
    const budget = flag(args, '--event-budget-ms');
    if (budget !== undefined) words.push('--event-budget-ms', budget);
    return shellLine(words);
  }
  return shellLine(['npx', 'moneysim', ...args]);
}

export function formatRunaway(r: RunawayReport, args: readonly string[], budgetMs: number): string {
  const where = r.seed === null ? `step ${r.step}` : `seed ${r.seed}, step ${r.step}`;
  const replay = runawayReplay(args, r.seed);
  if (args.includes('--json')) {
    return JSON.stringify({ ok: false, violation: { invariant: 'Runaway', seed: r.seed, step: r.step, timeMs: r.timeMs, wallMs: r.wallMs, turns: r.turns, eventBudgetMs: budgetMs, replay } }, null, 2);
  }
  return [
    `VIOLATION Runaway ${where}, ${r.timeMs} ms virtual`,
    `replay: ${replay}`,
    `  one event ran for ${r.wallMs} ms of wall-clock time and ${r.turns} microtask turns (budgets: ${budgetMs} ms, --event-budget-ms, and ${EVENT_TURNS_MAX} turns): the design is stuck in a busy loop or spins on microtasks without ever waiting on a port; the run was stopped`,
  ].join('\n');
}
