/**
 * The determinism contract: code in impl/ reaches time, timers, randomness,
 * the network and files only through its ports, and imports nothing from the
 * simulator, the model checker or the CLI. This test reads every source file
 * under impl/ and fails on any direct use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const IMPL = fileURLToPath(new URL('../../impl/', import.meta.url));

const FORBIDDEN: Array<[string, RegExp]> = [
  ['Date', /\bDate\s*[.(]|\bnew\s+Date\b/],
  ['Math.random', /\bMath\.random\b/],
  ['timers', /\b(setTimeout|setInterval|setImmediate|queueMicrotask|clearTimeout|clearInterval)\b/],
  ['clocks', /\bperformance\.now\b|\bprocess\.hrtime\b/],
  ['fetch', /\bfetch\s*\(/],
  ['fs / net / child_process', /from\s+['"](node:)?(fs|fs\/promises|net|http|https|dgram|child_process|worker_threads)['"]/],
  ['require', /\brequire\s*\(/],
  ['layering', /from\s+['"](\.\.\/)+(sim|model|cli)\//],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js|mts|mjs)$/.test(name) ? [path] : [];
  });
}

/** Comments may mention forbidden names when explaining why they are forbidden. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('impl/ purity', () => {
  const files = sources(IMPL);

  it('finds the coordinator sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const file of files) {
    it(`${relative(IMPL, file)} uses only its ports`, () => {
      const code = stripComments(readFileSync(file, 'utf8'));
      const hits = FORBIDDEN.filter(([, re]) => re.test(code)).map(([name]) => name);
      expect(hits).toEqual([]);
    });
  }

  it('the checker itself catches a forbidden use', () => {
    const bad = stripComments('const t = Date.now(); // fine comment\nsetTimeout(f, 1);');
    expect(FORBIDDEN.filter(([, re]) => re.test(bad)).map(([n]) => n)).toEqual(['Date', 'timers']);
  });
});
