/**
 * Node module-resolution hooks that make a user's design module load as an
 * ES module wherever it lives.
 *
 * Node decides whether a .ts or .js file is CommonJS from the nearest
 * package.json's "type" field. A design copied to /tmp, or into a project
 * whose package.json has no "type": "module", is therefore classified as
 * CommonJS, and the TypeScript loader then hands its import/export syntax to
 * require(), which Node refuses while the importing ES module graph is still
 * being linked ("Cannot require() ES Module ... in a cycle"). Design modules
 * are written with import and export, so for files outside node_modules that
 * Node would treat as CommonJS these hooks say "module" instead: always for
 * TypeScript (.ts, .tsx), and for JavaScript (.js, .jsx) only when the source
 * does not compile as a CommonJS function body, which is how Node itself
 * tells ES module syntax apart. .cjs and .cts keep their CommonJS meaning.
 *
 * This file is plain JavaScript because Node loads it on its loader thread,
 * where no TypeScript support can be assumed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const TYPESCRIPT = /\.(ts|tsx)$/;
const JAVASCRIPT = /\.(js|jsx)$/;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (!resolved.url.startsWith('file:')) return resolved;
  if (resolved.format !== 'commonjs' && resolved.format !== 'commonjs-typescript' && resolved.format != null) return resolved;
  const path = fileURLToPath(resolved.url);
  if (/[\\/]node_modules[\\/]/.test(path)) return resolved;
  if (TYPESCRIPT.test(path)) return { ...resolved, format: 'module' };
  if (JAVASCRIPT.test(path) && !compilesAsCommonJs(path)) return { ...resolved, format: 'module' };
  return resolved;
}

/** True when the file's text is a valid CommonJS module body (or cannot be read: then Node reports it). */
function compilesAsCommonJs(path) {
  let source;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return true;
  }
  try {
    new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: path });
    return true;
  } catch {
    return false;
  }
}
