/** Registers every moneysim subcommand on the commander program. */
import type { Command } from 'commander';
import type { Outcome } from '../outcome.ts';
import { registerCheck } from './check.ts';

export type Report = (outcome: Outcome) => void;

export function registerCommands(program: Command, report: Report): void {
  void program;
  void report;
  registerCheck(program, report);
}
