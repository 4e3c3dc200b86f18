/** Text rendering of `moneysim list`. */
import chalk from 'chalk';

export interface ListView {
  systems: Array<{
    id: string;
    status: string;
    description: string;
    designs: Array<{ name: string; description: string }>;
    worldOptions: Array<{ name: string; description: string; default: number | string; allowed: string; worlds: string[]; flag?: string }>;
    scenarios: Array<{ name: string; description: string }>;
  }>;
  models: Array<{ id: string; description: string; constants: Array<{ name: string; default: number | string; description: string }> }>;
}

export function formatListText(view: ListView): string {
  const lines: string[] = [];
  for (const s of view.systems) {
    lines.push(`${chalk.bold(s.id)} [${s.status}] ${s.description}`);
    for (const d of s.designs) lines.push(`  design   ${d.name.padEnd(12)} ${d.description}`);
    for (const o of s.worldOptions) {
      const alias = o.flag === undefined ? '' : `, or ${o.flag}`;
      const worlds = o.worlds.length === 2 ? 'every world' : `${o.worlds[0]} world`;
      lines.push(`  option   ${o.name}=${o.default} (${o.allowed}) ${o.description}; ${worlds}: --option ${o.name}=VALUE${alias}`);
    }
    for (const sc of s.scenarios) lines.push(`  scenario ${sc.name}`);
  }
  lines.push(chalk.bold('models') + ' (moneysim check <model-id>)');
  for (const m of view.models) {
    lines.push(`  ${m.id.padEnd(28)} ${m.description}`);
    if (m.constants.length > 0) lines.push(`    constants: ${m.constants.map((c) => `${c.name}=${c.default}`).join(' ')}`);
  }
  return lines.join('\n');
}
