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
