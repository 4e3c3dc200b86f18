/**
 * How a value thrown by a design is shown in a finding: its message and the
 * frames of its stack that lie in the design rather than in moneysim's
 * simulator, so the user sees where in their code it came from.
 */
export function describeThrown(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .filter((l) => !/[/\\](sim|cli|node_modules)[/\\]|node:internal/.test(l))
    .slice(0, 5)
    .map((l) => `\n    ${l.trim()}`);
  return `${err.message}${frames.join('')}`;
}
