/** Registers every moneysim subcommand on the commander program. */
import type { Command } from 'commander';
import type { Outcome } from '../outcome.ts';
import { registerCheck } from './check.ts';
import { registerExplore } from './explore.ts';
import { registerList } from './list.ts';
import { registerReplay } from './replay.ts';
import { registerRun } from './run.ts';
import { registerScenarios } from './scenarios.ts';

export type Report = (outcome: Outcome) => void;

export function registerCommands(program: Command, report: Report): void {
  registerList(program, report);
  registerRun(program, report);
  registerScenarios(program, report);
  registerExplore(program, report);
  registerReplay(program, report);
  registerCheck(program, report);
}
