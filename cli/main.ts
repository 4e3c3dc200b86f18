/**
 * The moneysim command line. Commander parses; each command module validates
 * its own flags, runs the core (which returns result values), formats them
 * with a pure formatter and prints. Only cli/ prints or picks exit codes.
 */
import { Command, CommanderError } from 'commander';
import { exitCodeFor, type Outcome, EXIT_BAD_INPUT, EXIT_INTERNAL } from './outcome.ts';
import { registerCommands } from './commands/index.ts';
import { printError } from './print.ts';

export async function main(argv: string[]): Promise<number> {
  let outcome: Outcome | undefined;
  const program = new Command('moneysim')
    .description('Find money bugs in payment coordinators by simulation and model checking.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
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
