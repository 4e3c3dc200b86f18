/**
 * The paragraph moneysim appends to `$GITHUB_STEP_SUMMARY` (Markdown shown
 * on the workflow run's page): what ran, how many cases passed, what the
 * suites covered, and every failure with its replay line in a code span.
 */
import { countOf, type CiSuite } from './ci-case.ts';

/** A code span that survives backticks inside it. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** A sentence: one line, ending in a full stop unless it already ends in punctuation. */
function sentence(text: string): string {
  const line = oneLine(text);
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

export function stepSummary(title: string, suites: readonly CiSuite[]): string {
  const n = countOf(suites);
  const verdict = n.failures + n.errors === 0 ? '✅' : '❌';
  const counts = `${n.tests} ${n.tests === 1 ? 'case' : 'cases'}, ${n.failures} failed${n.errors > 0 ? `, ${n.errors} could not be checked` : ''}.`;
  const parts = [`${verdict} **${title}**: ${counts}`];
  for (const s of suites) if (s.note !== undefined) parts.push(sentence(s.note));
  for (const s of suites) {
    for (const c of s.cases) {
      if (c.error !== undefined) parts.push(`${c.name} could not be checked: ${sentence(c.error)}`);
      for (const f of c.failures ?? []) {
        const origin = f.origin === undefined ? '' : ` ${sentence(f.origin.charAt(0).toUpperCase() + f.origin.slice(1))}`;
        parts.push(`**${f.invariant}** in ${c.name}: ${sentence(f.message)}${origin}${f.replay === '' ? '' : ` Replay: ${code(f.replay)}.`}`);
      }
    }
  }
  // One paragraph: the parts run on, and a blank line ends it for whatever the next step appends.
  return parts.join(' ') + '\n\n';
}
