/**
 * GitHub Actions workflow commands for failures: one `::error` line per
 * failed case, titled with the invariant and the case, carrying the message
 * and the replay line, so the failure shows on the run's summary page and
 * in the pull request without opening the log. The runner reads workflow
 * commands from standard output and standard error alike; moneysim writes
 * them to standard error so that `--json` output stays one JSON object.
 *
 * Escaping follows the runner's rules: `%`, CR and LF in the message, and
 * also `:` and `,` in property values such as the title.
 */
import type { CiSuite } from './ci-case.ts';

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function errorCommand(title: string, message: string): string {
  return `::error title=${escapeProperty(title)}::${escapeData(message)}`;
}

/** The annotation lines of every failed or unchecked case. */
export function annotationLines(suites: readonly CiSuite[]): string[] {
  const lines: string[] = [];
  for (const s of suites) {
    for (const c of s.cases) {
      if (c.error !== undefined) lines.push(errorCommand(`moneysim could not check ${c.classname} ${c.name}`, c.error));
      for (const f of c.failures ?? []) {
        const origin = f.origin === undefined ? '' : `\n${f.origin}`;
        const replay = f.replay === '' ? '' : `\nreplay: ${f.replay}`;
        lines.push(errorCommand(`moneysim ${f.invariant}: ${c.classname} ${c.name}`, `${f.message}${origin}${replay}`));
      }
    }
  }
  return lines;
}
