/** `moneysim list`: systems with their designs and scenarios, and the checkable models. */
import type { Command } from 'commander';
import { listModels } from '../../model/registry.ts';
import { SYSTEMS } from '../../sim/systems/registry.ts';
import { formatListText, type ListView } from '../format/list-report.ts';
import { ok } from '../outcome.ts';
import { printJson, printLine } from '../print.ts';
import type { Report } from './index.ts';

export function registerList(program: Command, report: Report): void {
  program
    .command('list')
    .description('List systems, designs, scenarios and models')
    .option('--json', 'print one JSON object')
    .action((opts: { json?: boolean }) => {
      const view: ListView = {
        systems: SYSTEMS.map((s) => ({
          id: s.id,
          status: s.status,
          description: s.description,
          designs: s.designs,
          worldOptions: s.worldOptions.map((d) => ({
            name: d.name,
            description: d.description,
            default: d.default,
            allowed: d.kind === 'enum' ? (d.values ?? []).join('|') : `${d.min ?? ''}..${d.max ?? ''}`,
            worlds: [...(d.worlds ?? ['exhaustive'])],
            ...(d.flag === undefined ? {} : { flag: d.flag }),
          })),
          scenarios: s.scenarios().map((sc) => ({ name: sc.name, description: sc.description })),
        })),
        models: listModels().map((m) => ({
          id: m.id,
          description: m.description,
          constants: m.constants.map((c) => ({ name: c.name, default: c.boolean === true ? (c.default === 1 ? 'TRUE' : 'FALSE') : c.default, description: c.description })),
        })),
      };
      if (opts.json === true) printJson(view);
      else printLine(formatListText(view));
      report(ok);
    });
}
