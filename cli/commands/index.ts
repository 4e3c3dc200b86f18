/** Registers every moneysim subcommand on the commander program, each with the colour options. */
import type { Command } from 'commander';
import type { Outcome } from '../outcome.ts';
import { registerChaos } from './chaos.ts';
import { registerCheck } from './check.ts';
import { registerExplore } from './explore.ts';
import { registerFakes } from './fakes.ts';
import { registerList } from './list.ts';
import { registerReplay } from './replay.ts';
import { registerRun } from './run.ts';
import { registerScenarios } from './scenarios.ts';
import { registerServe } from './serve.ts';

export type Report = (outcome: Outcome) => void;

export function registerCommands(program: Command, report: Report): void {
  registerList(program, report);
  registerRun(program, report);
  registerScenarios(program, report);
  registerExplore(program, report);
  registerReplay(program, report);
  registerCheck(program, report);
  registerServe(program, report);
  registerFakes(program, report);
  registerChaos(program, report);
  // cli/main.ts reads these from the raw arguments before parsing; declaring
  // them here lets the parser accept them anywhere and lists them in help.
  for (const command of [program, ...program.commands]) {
    command
      .option('--color', 'force coloured output')
      .option('--no-color', 'plain output (so does a non-empty NO_COLOR)')
      .option('--event-budget-ms <ms>', 'wall-clock budget of one simulated event before the watchdog reports Runaway (default 10000)');
  }
}
