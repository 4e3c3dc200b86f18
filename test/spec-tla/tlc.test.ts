/**
 * TLC agrees with spec-tla/manifest.json (and so with `moneysim check`,
 * which manifest.test.ts holds to the same numbers). Runs only when
 * TLA2TOOLS_JAR names a tla2tools.jar; entries marked slow (minutes of TLC)
 * run only when MONEYSIM_TLC_SLOW=1 as well. DEVELOPERS.md says how to get TLC.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEC_DIR, loadManifest, type Entry } from './manifest.ts';

const jar = process.env['TLA2TOOLS_JAR'];
const slow = process.env['MONEYSIM_TLC_SLOW'] === '1';

if (!jar) console.log('[tlc] skipped: set TLA2TOOLS_JAR=/path/to/tla2tools.jar to compare TLC with spec-tla/manifest.json (see DEVELOPERS.md)');

function runTlc(entry: Entry): string {
  const meta = mkdtempSync(join(tmpdir(), 'moneysim-tlc-'));
  try {
    const args = ['-cp', jar!, 'tlc2.TLC', '-workers', '1', '-metadir', meta, '-config', join(SPEC_DIR, entry.cfg), join(SPEC_DIR, entry.spec)];
    try {
      return execFileSync('java', args, { encoding: 'utf8', cwd: meta, maxBuffer: 64 << 20 });
    } catch (err) {
      // TLC exits non-zero when it finds a violation; its report is still on stdout.
      const out = (err as { stdout?: string }).stdout;
      if (typeof out === 'string' && out.length > 0) return out;
      throw err;
    }
  } finally {
    rmSync(meta, { recursive: true, force: true });
  }
}

describe.skipIf(!jar)('TLC', () => {
  for (const entry of loadManifest()) {
    const run = entry.slow && !slow ? it.skip : it;
    run(`${entry.cfg}${entry.slow ? ' (slow)' : ''}`, () => {
      const out = runTlc(entry);
      if (entry.expect.result === 'ok') {
        expect(out).toContain('Model checking completed. No error has been found.');
        // The final summary line; liveness checking prints interim counts before it.
        const distinct = /states generated, ([\d,]+) distinct states found, 0 states left on queue/.exec(out)?.[1]?.replace(/,/g, '');
        expect(Number(distinct)).toBe(entry.expect.distinctStates);
        expect(out).toContain(`The depth of the complete state graph search is ${entry.expect.depth}.`);
        // TLC groups digits with commas in some lines and not in others.
        const generated = [...out.matchAll(/([\d,]+) states generated, [\d,]+ distinct states found, 0 states left on queue/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
        if (entry.expect.generatedStates !== undefined) expect(generated).toContain(entry.expect.generatedStates);
      } else {
        expect(out).toContain(`Error: Invariant ${entry.expect.property} is violated.`);
        expect(out).toContain(`State ${entry.expect.traceStates}:`);
        expect(out).not.toContain(`State ${entry.expect.traceStates + 1}:`);
      }
    }, 600_000);
  }
});
