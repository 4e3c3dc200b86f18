/**
 * Finds runs of repeated steps in a trace, so that a text trace of a
 * coordinator polling a status a thousand times reads as one block and a
 * count. Two entries match when they have the same kind, actor, peer and
 * text; their step and time may differ, and so may the values of JSON time
 * fields in the text (`"expiresAtMs":454`), which move on with the clock.
 */
import type { TraceEntry } from '../../sim/trace/trace-recorder.ts';

/** A block of `length` entries starting at `start`, occurring `times` times back to back. */
export interface Repeat {
  start: number;
  length: number;
  times: number;
}

/** The longest repeated block considered; longer cycles are rare and print in full. */
const MAX_BLOCK = 16;
/** Fewer occurrences than this print in full: folding two copies saves little and hides much. */
const MIN_TIMES = 3;

function keyOf(e: TraceEntry): string {
  return `${e.kind}|${e.actor}|${e.peer}|${e.text.replace(/("\w*(?:Ms|At)":)-?\d+/g, '$1#')}`;
}

/** How many times the block keys[i, i + length) occurs back to back from i. */
function occurrences(keys: readonly string[], i: number, length: number): number {
  let times = 1;
  for (;;) {
    const next = i + times * length;
    if (next + length > keys.length) return times;
    for (let k = 0; k < length; k++) if (keys[i + k] !== keys[next + k]) return times;
    times++;
  }
}

/** The best repeat starting at `i`: the one covering most entries, the shortest block among equals. */
function bestRepeatAt(keys: readonly string[], i: number): Repeat | null {
  let best: Repeat | null = null;
  for (let length = 1; length <= MAX_BLOCK && i + length * MIN_TIMES <= keys.length; length++) {
    const times = occurrences(keys, i, length);
    if (times >= MIN_TIMES && (best === null || times * length > best.times * best.length)) best = { start: i, length, times };
  }
  return best;
}

/** Non-overlapping repeats, left to right; everything between them prints as it is. */
export function findRepeats(entries: readonly TraceEntry[]): Repeat[] {
  const keys = entries.map(keyOf);
  const repeats: Repeat[] = [];
  let i = 0;
  while (i < keys.length) {
    const r = bestRepeatAt(keys, i);
    if (r === null) {
      i++;
      continue;
    }
    repeats.push(r);
    i += r.length * r.times;
  }
  return repeats;
}
