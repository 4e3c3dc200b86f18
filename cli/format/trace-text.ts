/**
 * Renders a run's trace as aligned text lines, one entry per line. Steps
 * repeated back to back (a polling loop, retries) are folded: the repeated
 * block prints once, followed by a line with its count (`x57`) and where the
 * repetition ends. `--trace json` keeps every entry.
 */
import type { TraceEntry } from '../../sim/trace/trace-recorder.ts';
import { findRepeats } from './trace-folding.ts';

const ARROWS: Partial<Record<TraceEntry['kind'], string>> = { send: '->', deliver: '=>', drop: 'x>', timeout: '<-', answer: '<=' };

function entryLine(e: TraceEntry): string {
  const who = e.peer !== '' ? `${e.actor} ${ARROWS[e.kind] ?? '--'} ${e.peer}` : e.actor;
  return `${String(e.step).padStart(5)} ${String(e.timeMs).padStart(7)} ms  ${e.kind.padEnd(8)} ${who.padEnd(20)} ${e.text}`;
}

function foldLine(length: number, times: number, last: TraceEntry): string {
  const what = length === 1 ? 'the entry above' : `the ${length} entries above`;
  return `${' '.repeat(16)}x${times}  ${what}, ${times} times in all, through step ${last.step} at ${last.timeMs} ms`;
}

export function formatTraceText(entries: readonly TraceEntry[]): string {
  const lines: string[] = [];
  let i = 0;
  for (const r of findRepeats(entries)) {
    for (; i < r.start; i++) lines.push(entryLine(entries[i]!));
    for (let k = 0; k < r.length; k++) lines.push(entryLine(entries[r.start + k]!));
    i = r.start + r.length * r.times;
    lines.push(foldLine(r.length, r.times, entries[i - 1]!));
  }
  for (; i < entries.length; i++) lines.push(entryLine(entries[i]!));
  return lines.join('\n');
}
