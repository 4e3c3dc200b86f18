/**
 * Turns an error raised while importing a user's module into one readable
 * message that says where the problem is: the file, line and column of a
 * syntax error, or the message and the module frames of an error thrown
 * while the module's top level ran.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The TypeScript loader's syntax errors look like
 * `/path/x.ts:3:19: ERROR: Expected "}" but found "1"`, with a 0-based
 * column; messages here give 1-based columns, as editors do.
 */
const TRANSFORM_ERROR = /^(.+):(\d+):(\d+): ERROR: (.+)$/;

export function describeImportError(err: unknown, absolutePath: string): string {
  if (!(err instanceof Error)) return `threw ${String(err)}`;
  const transform = transformErrors(err.message);
  if (transform.length > 0) return `syntax error ${transform.join('; ')}`;
  if (err.name === 'SyntaxError') return `syntax error ${locateJsSyntaxError(absolutePath) ?? `in a module it imports: ${err.message}`}`;
  const frames = userFrames(err.stack ?? '');
  const where = frames.length > 0 ? `\n${frames.map((f) => `    at ${f}`).join('\n')}` : '';
  return `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}${where}`;
}

function transformErrors(message: string): string[] {
  if (!message.startsWith('Transform failed')) return [];
  return message
    .split('\n')
    .map((line) => TRANSFORM_ERROR.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `at ${m[1]}:${m[2]}:${Number(m[3]) + 1}: ${m[4]}`);
}

/**
 * Node's ES module syntax errors carry no location, so the file is checked
 * again by `node --check`, which prints the line and a caret under the
 * column. Returns null when the file itself is fine (the error is then in a
 * module it imports) or is TypeScript, which the check cannot read.
 */
function locateJsSyntaxError(absolutePath: string): string | null {
  if (!/\.(mjs|js|cjs)$/.test(absolutePath)) return null;
  const inputType = absolutePath.endsWith('.cjs') ? 'commonjs' : 'module';
  const source = readFileSync(absolutePath, 'utf8');
  const check = spawnSync(process.execPath, [`--input-type=${inputType}`, '--check'], { input: source, encoding: 'utf8' });
  if (check.status === 0) return null;
  const lines = check.stderr.split('\n');
  const head = /^\[stdin\]:(\d+)$/.exec(lines[0] ?? '');
  const caret = (lines[2] ?? '').indexOf('^');
  const message = lines.find((l) => /^\w*Error: /.test(l));
  if (head === null || message === undefined) return null;
  const column = caret >= 0 ? `:${caret + 1}` : '';
  return `at ${absolutePath}:${head[1]}${column}: ${message.replace(/^SyntaxError: /, '')}\n    ${lines[1]?.trim() ?? ''}`;
}

/**
 * The frames at the top of the stack, down to the first one in Node's module
 * loader: those are the user's module and what it called while loading.
 */
function userFrames(stack: string): string[] {
  const frames = stack
    .split('\n')
    .map((l) => /^\s+at (.*)$/.exec(l)?.[1])
    .filter((f): f is string => f !== undefined);
  const end = frames.findIndex((f) => f.includes('node:') || f.includes('/node_modules/') || f.includes('data:text/javascript'));
  return frames
    .slice(0, end < 0 ? frames.length : end)
    .map((f) => f.replace(/file:\/\/[^\s):]+/g, (url) => fileURLToPath(url)))
    .slice(0, 5);
}
