/**
 * Runs the moneysim command in a worker thread and watches it.
 *
 * Code under test may spin forever inside one simulated event: a busy loop,
 * or `for (;;) await Promise.resolve()`, which never lets the event loop run.
 * Nothing in the spinning thread can interrupt that, so the command runs in
 * a worker while this thread reads the kernel's heartbeat (sim/kernel/
 * heartbeat.ts). When one event has run for longer than the per-event
 * wall-clock budget, the worker is stopped and `Runaway` is reported with the
 * seed and the line that replays it, exit 1. This watchdog is the one place
 * where moneysim measures wall-clock time against the simulation; the
 * simulation itself never reads the clock.
 */
import { Worker } from 'node:worker_threads';
import { HB, heartbeatBuffer, heartbeatSlot, heartbeatThreads } from '../sim/kernel/heartbeat.ts';
import { EVENT_BUDGET_MS_DEFAULT, readEventBudget } from './args/event-budget.ts';
import { EVENT_TURNS_MAX, formatRunaway, type RunawayReport } from './format/runaway-report.ts';
import { EXIT_VIOLATION } from './outcome.ts';

export { EVENT_BUDGET_MS_DEFAULT };

const POLL_MS = 100;

const BOOTSTRAP = new URL('./supervised-main.mjs', import.meta.url);

/** The budget to watch with; a bad value falls back to the default here, and main() refuses it with exit 2. */
export function eventBudgetMs(argv: readonly string[]): number {
  const budget = readEventBudget(argv);
  return budget.ok ? budget.value : EVENT_BUDGET_MS_DEFAULT;
}

/**
 * A reader that stops early (`moneysim run ... | head`) closes the pipe; the
 * rest of the output has nowhere to go, which is not an error of moneysim.
 */
function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
}

export function runSupervised(argv: string[]): Promise<number> {
  ignoreClosedPipes();
  const buffer = heartbeatBuffer();
  const budgetMs = eventBudgetMs(argv);
  const worker = new Worker(BOOTSTRAP, {
    workerData: { argv, heartbeat: buffer, stdoutIsTTY: process.stdout.isTTY === true, stderrIsTTY: process.stderr.isTTY === true },
  });
  return new Promise<number>((resolve) => {
    let code: number | null = null;
    let stopped = false;
    const seen = new Map<number, { tick: number; sinceMs: number }>();
    const timer = setInterval(() => {
      const stuck = findStuck(buffer, seen, budgetMs);
      if (stuck === null) return;
      clearInterval(timer);
      stopped = true;
      void worker.terminate().then(() => {
        process.stdout.write(formatRunaway(stuck, argv.slice(2), budgetMs) + '\n');
        resolve(EXIT_VIOLATION);
      });
    }, POLL_MS);
    worker.on('message', (m: { type: string; code: number }) => {
      if (m.type === 'exit') code = m.code;
    });
    worker.on('error', (err) => {
      process.stderr.write(`error: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      code = 3;
    });
    worker.on('exit', () => {
      clearInterval(timer);
      if (!stopped) resolve(code ?? 3);
    });
  });
}

/** The first thread whose current event has outlasted the budget, if any. */
function findStuck(buffer: SharedArrayBuffer, seen: Map<number, { tick: number; sinceMs: number }>, budgetMs: number): RunawayReport | null {
  const now = performance.now();
  for (let t = 0; t < heartbeatThreads(buffer); t++) {
    const hb = heartbeatSlot(buffer, t);
    const tick = Atomics.load(hb, HB.tick);
    if (Atomics.load(hb, HB.inEvent) !== 1) {
      seen.delete(t);
      continue;
    }
    const last = seen.get(t);
    if (last === undefined || last.tick !== tick) {
      seen.set(t, { tick, sinceMs: now });
      continue;
    }
    const turns = Atomics.load(hb, HB.turns);
    if (now - last.sinceMs > budgetMs || turns > EVENT_TURNS_MAX) {
      return {
        turns,
        seed: Atomics.load(hb, HB.seedKnown) === 1 ? Atomics.load(hb, HB.seed) : null,
        step: Atomics.load(hb, HB.step),
        timeMs: Atomics.load(hb, HB.timeMs),
        wallMs: Math.round(now - last.sinceMs),
      };
    }
  }
  return null;
}
