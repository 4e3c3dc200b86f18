/** The only functions that write to the terminal. */
import chalk from 'chalk';

export function printLine(text: string): void {
  process.stdout.write(text + '\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function printError(text: string): void {
  process.stderr.write(chalk.red('error: ') + text + '\n');
}

export interface StatusLine {
  /** Replaces the status text, unless the last one was shown less than the interval ago. */
  show(text: string): void;
  /** Erases the status line if anything was shown. */
  clear(): void;
}

/**
 * One line of status on stderr, rewritten in place and at most every
 * `intervalMs`, and only when stderr is an interactive terminal: pipes, files
 * and CI logs never see it, so stdout carries results alone.
 */
export function statusLine(intervalMs = 250): StatusLine {
  const enabled = process.stderr.isTTY === true;
  let last = -Infinity;
  let shown = false;
  return {
    show(text: string): void {
      const now = performance.now();
      if (!enabled || now - last < intervalMs) return;
      last = now;
      shown = true;
      process.stderr.write(`\r${text}\x1b[K`);
    },
    clear(): void {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** A status line counting runs and their rate, as `explore` shows it. */
export function progressReporter(label: string, intervalMs = 250): { update(runs: number): void; clear(): void } {
  const line = statusLine(intervalMs);
  const started = performance.now();
  return {
    update(runs: number): void {
      const rate = Math.round(runs / Math.max((performance.now() - started) / 1000, 0.001));
      line.show(`${label}: ${runs} runs (${rate}/s)`);
    },
    clear: () => line.clear(),
  };
}
