/**
 * Writes a vitest regression test for the shrunk failures of an
 * exploration. Each case replays the shrunk choice vector through
 * sim/explore/replay-encoded.ts (replayOutcome) and asserts that the explored design still
 * violates the same invariant; when the system's default design differs
 * from the explored one, a second case asserts that it holds on the same
 * choices. The import path is relative to where the file is written, so the
 * test runs with the project's own `npm test`.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeChoices } from '../../sim/choice/choice-vector-codec.ts';
import type { ExploreResult } from '../../sim/explore/explore.ts';
import type { EncodedRun } from '../../sim/explore/replay-encoded.ts';
import type { SystemDef } from '../../sim/systems/system-def.ts';
import { sizeChange } from './sweep-report.ts';

const REPLAY_MODULE = fileURLToPath(new URL('../../sim/explore/replay-encoded.ts', import.meta.url));

function importPath(testFile: string): string {
  const rel = relative(dirname(resolve(testFile)), REPLAY_MODULE).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export function emitTestFile(testFile: string, system: SystemDef, r: Extract<ExploreResult, { kind: 'violation' }>): string {
  const lines = [
    `// Regression test written by \`moneysim explore --emit-test\`: replays shrunk failures of ${r.system} / ${r.design}.`,
    `import { describe, expect, it } from 'vitest';`,
    `import { replayOutcome, type EncodedRun } from '${importPath(testFile)}';`,
  ];
  for (const f of r.failures) {
    const recipe = f.shrunk.recipe;
    const run: EncodedRun = { system: r.system, design: r.design, world: recipe.world, choices: encodeChoices(recipe.choices) };
    if (recipe.world === 'exhaustive') Object.assign(run, { workload: recipe.workload, externalMode: recipe.externalMode });
    const invariant = f.violation.invariant;
    lines.push('', `describe(${JSON.stringify(`${r.system} ${invariant} (shrunk: ${sizeChange(f.found.sizes, f.shrunk.sizes)})`)}, () => {`);
    lines.push(`  const run: EncodedRun = ${JSON.stringify(run)};`);
    lines.push(`  it(${JSON.stringify(`${r.design} violates ${invariant}`)}, async () => {`);
    lines.push(`    expect(await replayOutcome(run)).toBe(${JSON.stringify(invariant)});`);
    lines.push('  });');
    if (system.defaultDesign !== r.design) {
      lines.push(`  it(${JSON.stringify(`${system.defaultDesign} holds on the same choices`)}, async () => {`);
      lines.push(`    expect(await replayOutcome({ ...run, design: ${JSON.stringify(system.defaultDesign)} })).toBe('pass');`);
      lines.push('  });');
    }
    lines.push('});');
  }
  return lines.join('\n') + '\n';
}
