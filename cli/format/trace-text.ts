/** Renders a run's trace as aligned text lines, one entry per line. */
import type { TraceEntry } from '../../sim/trace/trace-recorder.ts';

const ARROWS: Partial<Record<TraceEntry['kind'], string>> = { send: '->', deliver: '=>', drop: 'x>', timeout: '<-', answer: '<=' };

export function formatTraceText(entries: readonly TraceEntry[]): string {
  return entries
    .map((e) => {
      const who = e.peer !== '' ? `${e.actor} ${ARROWS[e.kind] ?? '--'} ${e.peer}` : e.actor;
      return `${String(e.step).padStart(5)} ${String(e.timeMs).padStart(7)} ms  ${e.kind.padEnd(8)} ${who.padEnd(20)} ${e.text}`;
    })
    .join('\n');
}
