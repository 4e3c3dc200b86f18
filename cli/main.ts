/**
 * The moneysim command line. Commander parses; each command module validates
 * its own flags, runs the core (which returns result values), formats them
 * with a pure formatter and prints. Only cli/ prints or picks exit codes.
 */
import { readFileSync } from 'node:fs';
import chalk from 'chalk';
import { Command, CommanderError } from 'commander';
import { exitCodeFor, type Outcome, EXIT_BAD_INPUT, EXIT_INTERNAL } from './outcome.ts';
import { colorLevel } from './color-level.ts';
import { registerCommands } from './commands/index.ts';
import { readEventBudget } from './args/event-budget.ts';
import { printError } from './print.ts';

/** The level chalk detected for this terminal when it was loaded, before any run changed it. */
const DETECTED_LEVEL = chalk.level;

/** The version users report with a bug: the package's own, read rather than copied so the two cannot drift. */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  // Set once, before anything prints; every later chalk call follows it.
  chalk.level = colorLevel(argv.slice(2), process.env, DETECTED_LEVEL);
  // Read by the supervisor before parsing; a bad value is refused here, before anything runs.
  const budget = readEventBudget(argv);
  if (!budget.ok) {
    printError(budget.message);
    return EXIT_BAD_INPUT;
  }
  let outcome: Outcome | undefined;
  const program = new Command('moneysim')
    .description('Find money bugs in payment coordinators by simulation and model checking.')
    .version(packageVersion(), '-V, --version', 'print the moneysim version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError(false);
  registerCommands(program, (result) => {
    outcome = result;
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version requests are not errors.
      if (err.exitCode === 0) return 0;
      return EXIT_BAD_INPUT;
    }
    printError(`internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    return EXIT_INTERNAL;
  }
  if (outcome === undefined) return 0;
  if (outcome.kind === 'bad-input' || outcome.kind === 'internal-error') printError(outcome.message);
  return exitCodeFor(outcome);
}
