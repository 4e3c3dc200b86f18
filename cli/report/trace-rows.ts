/**
 * A simulated run's trace as sequence-diagram rows: requests as arrows from
 * sender to receiver, replies as dashed arrows back, drops as lost arrows,
 * timeouts, faults, crashes, restarts and commits as boxes on the lifeline,
 * the client's answers as green or red boxes. A request's arrival is a small
 * box on the receiver (that is the moment a fake applies it, often the
 * violating step). Repeated blocks (a polling loop) fold as the text trace
 * folds them, and a very long trace is cut with a row saying so.
 */
import type { TraceEntry } from '../../sim/trace/trace-recorder.ts';
import { findRepeats } from '../format/trace-folding.ts';
import type { SeqDiagram, SeqRow } from './sequence-diagram.ts';

/** Rows drawn at most; the text trace (`--trace text`) always has all of them. */
export const MAX_ROWS = 1500;
/** Rows kept from the end of a trace that is cut. */
const TAIL_ROWS = 300;

/** Lanes in this order when present; any other process follows in order of appearance. */
const PREFERRED = ['mobile', 'api', 'external', 'ledger'];

/** Processes that get a lifeline; `control` (the run itself) writes full-width rows instead. */
export function participantsOf(entries: readonly TraceEntry[]): string[] {
  const seen = new Set<string>();
  for (const e of entries) for (const p of [e.actor, e.peer]) if (p !== '' && p !== 'control') seen.add(p);
  const ordered = PREFERRED.filter((p) => seen.has(p));
  for (const p of seen) if (!ordered.includes(p)) ordered.push(p);
  return ordered;
}

function answerKind(text: string): SeqRow['kind'] {
  return /: (SUCCESS|PENDING)\b/.test(text) ? 'answer-ok' : 'answer-bad';
}

export function rowOf(e: TraceEntry, violationStep: number | null): SeqRow {
  const base = { step: String(e.step), time: `${e.timeMs} ms`, from: e.actor, violating: violationStep !== null && e.step === violationStep };
  const peer = e.peer === '' ? undefined : e.peer;
  if (e.actor === 'control') return { ...base, kind: 'wide', text: e.text };
  switch (e.kind) {
    case 'send':
      return { ...base, kind: 'message', to: peer, text: e.text };
    case 'deliver':
      // A reply is drawn as it arrives; a request's arrival is marked on its receiver.
      if (e.text.startsWith('reply ')) return { ...base, from: e.actor, kind: 'reply', to: peer, text: e.text.slice(6) };
      return { ...base, from: e.peer !== '' ? e.peer : e.actor, kind: 'note', text: `${e.text.replace(/^request /, '')} arrives from ${e.actor}` };
    case 'drop':
      return { ...base, kind: 'lost', to: peer, text: e.text };
    case 'timeout':
      return { ...base, kind: 'timeout', text: `timeout waiting for ${e.peer} ${e.text}` };
    case 'crash':
      return { ...base, kind: 'crash', text: `CRASH ${e.text}` };
    case 'restart':
      return { ...base, kind: 'restart', text: `RESTART ${e.text}` };
    case 'fault':
      return { ...base, kind: 'fault', to: peer, text: e.text };
    case 'answer':
      return { ...base, kind: answerKind(e.text), text: e.text };
    case 'store':
      return { ...base, kind: 'store', text: e.text };
    default:
      return { ...base, kind: 'note', to: peer, text: e.text };
  }
}

/** The trace as rows, repeats folded and the total cut at MAX_ROWS; `violationStep` marks the violating rows. */
export function traceDiagram(entries: readonly TraceEntry[], violationStep: number | null, marker?: string): SeqDiagram {
  const rows: SeqRow[] = [];
  let i = 0;
  const push = (e: TraceEntry): void => {
    rows.push(rowOf(e, violationStep));
  };
  for (const r of findRepeats(entries)) {
    for (; i < r.start; i++) push(entries[i]!);
    for (let k = 0; k < r.length; k++) push(entries[r.start + k]!);
    const end = r.start + r.length * r.times;
    const last = entries[end - 1]!;
    // A fold hides steps; if the violating step is among them, say so on the fold row itself.
    const hidden = entries.slice(r.start + r.length, end).some((e) => e.step === violationStep);
    const what = r.length === 1 ? 'the row above' : `the ${r.length} rows above`;
    rows.push({ step: '', time: '', kind: 'fold', from: '', text: `×${r.times}  ${what}, ${r.times} times in all, through step ${last.step} at ${last.timeMs} ms`, violating: hidden });
    i = end;
  }
  for (; i < entries.length; i++) push(entries[i]!);
  if (rows.length > MAX_ROWS) {
    // The end of a run is where a violation is usually found, so the cut falls in the middle.
    const hidden = rows.length - MAX_ROWS;
    const gap: SeqRow = { step: '', time: '', kind: 'fold', from: '', text: `… ${hidden} rows not drawn here; the text trace (--trace text) has them all` };
    const kept = [...rows.slice(0, MAX_ROWS - TAIL_ROWS), gap, ...rows.slice(rows.length - TAIL_ROWS)];
    return { participants: participantsOf(entries), rows: kept, marker };
  }
  return { participants: participantsOf(entries), rows, marker };
}
