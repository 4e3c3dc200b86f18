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

/**
 * A progress line on an interactive terminal only, rewritten in place and at
 * most every `intervalMs`; pipes, files and CI logs never see it.
 */
export function progressReporter(label: string, intervalMs = 250): { update(runs: number): void; clear(): void } {
  const enabled = process.stderr.isTTY === true;
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(runs: number): void {
      const now = performance.now();
      if (!enabled || now - last < intervalMs) return;
      last = now;
      shown = true;
      const rate = Math.round(runs / Math.max((now - started) / 1000, 0.001));
      process.stderr.write(`\r${label}: ${runs} runs (${rate}/s)`);
    },
    clear(): void {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}
