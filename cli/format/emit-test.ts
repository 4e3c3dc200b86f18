/**
 * Writes a vitest test file for the shrunk failures of an exploration. Each
 * case replays the shrunk choice vector through sim/explore/replay-encoded.ts
 * (replayOutcome). Two kinds, as `--emit-test-kind` names them:
 *
 * - `holds` (the default): asserts that the explored design breaks no
 *   invariant on those choices. It fails while the bug is there and passes
 *   once it is fixed: the regression test to keep in a suite.
 * - `fails`: asserts that the explored design still breaks the same
 *   invariant, a reproduction that stays green while the bug is there (and,
 *   when the system's default design differs, that the default holds on the
 *   same choices). It goes red when the bug is fixed.
 *
 * The import path is relative to where the file is written, so the test runs
 * with the project's own `npm test`.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeChoices } from '../../sim/choice/choice-vector-codec.ts';
import type { ExploreResult } from '../../sim/explore/explore.ts';
import type { FailureReport } from '../../sim/explore/minimise-failure.ts';
import type { EncodedRun } from '../../sim/explore/replay-encoded.ts';
import type { SystemDef } from '../../sim/systems/system-def.ts';
import { sizeChange } from './sweep-report.ts';

export type EmitTestKind = 'holds' | 'fails';

const REPLAY_MODULE = fileURLToPath(new URL('../../sim/explore/replay-encoded.ts', import.meta.url));

const HEADERS: Record<EmitTestKind, string[]> = {
  holds: [
    '// Kind "holds": each case asserts that the design breaks no invariant on the choices of a failure',
    '// moneysim found. It fails while the bug is there and passes once it is fixed; keep it as a regression test.',
  ],
  fails: [
    '// Kind "fails": each case asserts that the design still breaks the invariant it broke, a reproduction',
    '// that passes while the bug is there and fails once it is fixed (use --emit-test-kind holds for a regression test).',
  ],
};

function importPath(testFile: string): string {
  const rel = relative(dirname(resolve(testFile)), REPLAY_MODULE).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function caseLines(r: Extract<ExploreResult, { kind: 'violation' }>, f: FailureReport, system: SystemDef, kind: EmitTestKind): string[] {
  const recipe = f.shrunk.recipe;
  const run: EncodedRun = { system: r.system, design: r.design, world: recipe.world, choices: encodeChoices(recipe.choices, f.shrunk.run.choices.length) };
  if (recipe.world === 'exhaustive') Object.assign(run, { options: recipe.options });
  const invariant = f.violation.invariant;
  const lines = [`describe(${JSON.stringify(`${r.system} ${invariant} (shrunk: ${sizeChange(f.found.sizes, f.shrunk.sizes)})`)}, () => {`];
  lines.push(`  const run: EncodedRun = ${JSON.stringify(run)};`);
  if (kind === 'holds') {
    lines.push(`  it(${JSON.stringify(`${r.design} holds where it broke ${invariant}`)}, async () => {`);
    lines.push(`    expect(await replayOutcome(run)).toBe('pass');`);
    lines.push('  });');
  } else {
    lines.push(`  it(${JSON.stringify(`${r.design} violates ${invariant}`)}, async () => {`);
    lines.push(`    expect(await replayOutcome(run)).toBe(${JSON.stringify(invariant)});`);
    lines.push('  });');
    if (system.defaultDesign !== r.design) {
      lines.push(`  it(${JSON.stringify(`${system.defaultDesign} holds on the same choices`)}, async () => {`);
      lines.push(`    expect(await replayOutcome({ ...run, design: ${JSON.stringify(system.defaultDesign)} })).toBe('pass');`);
      lines.push('  });');
    }
  }
  lines.push('});');
  return lines;
}

export function emitTestFile(testFile: string, system: SystemDef, r: Extract<ExploreResult, { kind: 'violation' }>, kind: EmitTestKind = 'holds'): string {
  const lines = [
    `// Test written by \`moneysim explore --emit-test --emit-test-kind ${kind}\`: replays shrunk failures of ${r.system} / ${r.design}.`,
    ...HEADERS[kind],
    `import { describe, expect, it } from 'vitest';`,
    `import { replayOutcome, type EncodedRun } from '${importPath(testFile)}';`,
  ];
  for (const f of r.failures) lines.push('', ...caseLines(r, f, system, kind));
  return lines.join('\n') + '\n';
}
