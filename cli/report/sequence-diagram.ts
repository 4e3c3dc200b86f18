/**
 * A sequence diagram as inline SVG: one lifeline per participant, one row
 * per trace step, top to bottom. Messages are arrows (replies dashed), a
 * lost message is an arrow that stops short at a red cross, a crash is a red
 * box after which the process's lifeline turns red and dashed until its
 * restart, and the rows of the violating step are shaded red with a marker
 * under them naming the invariant. Labels cut to fit carry their full text
 * as a tooltip.
 *
 * The input is a list of neutral rows, so that the simulator's traces and
 * the model checker's counterexamples draw alike (trace-rows.ts and
 * check-rows.ts make them).
 */
import { esc, num, tip, truncate } from './html.ts';

export type SeqRowKind = 'message' | 'reply' | 'lost' | 'note' | 'store' | 'crash' | 'restart' | 'fault' | 'timeout' | 'answer-ok' | 'answer-bad' | 'wide' | 'fold';

export interface SeqRow {
  /** Gutter text: the step, and the virtual time under it. */
  step: string;
  time: string;
  kind: SeqRowKind;
  from: string;
  /** The other party of a message, or the far end of a note that spans two lifelines. */
  to?: string;
  text: string;
  /** A row of the step at which the violation was detected. */
  violating?: boolean;
}

export interface SeqDiagram {
  participants: string[];
  rows: SeqRow[];
  /** Drawn under the last violating row (or at the end when none is): the invariant and its message. */
  marker?: string;
}

const GUTTER = 96;
const LANE = 200;
const ROW = 24;
const HEAD = 44;
const CHAR = 6.6;

const COLORS: Record<SeqRowKind, string> = {
  message: '#1d2330', reply: '#3b5bdb', lost: '#c62828', note: '#5b6475', store: '#5b6475', crash: '#c62828', restart: '#2e7d32',
  fault: '#b26a00', timeout: '#b26a00', 'answer-ok': '#2e7d32', 'answer-bad': '#c62828', wide: '#5b6475', fold: '#5b6475',
};

const FILLS: Partial<Record<SeqRowKind, string>> = {
  note: '#f1f3f6', store: '#eef1f5', crash: '#fdecea', restart: '#e8f5e9', fault: '#fff4e0', timeout: '#fff4e0', 'answer-ok': '#e8f5e9', 'answer-bad': '#fdecea',
};

function label(x: number, y: number, text: string, maxWidth: number, color: string, anchor = 'middle'): string {
  const shown = truncate(text, Math.floor(maxWidth / CHAR));
  return `<text x="${num(x)}" y="${num(y)}" fill="${color}" font-size="11" text-anchor="${anchor}">${esc(shown)}${shown !== text ? tip(text) : ''}</text>`;
}

/** A box on one lifeline, or spanning two. */
function box(xs: number[], y: number, row: SeqRow, width: number): string {
  const left = Math.min(...xs) - LANE / 2 + 6;
  const right = Math.max(...xs) + LANE / 2 - 6;
  const color = COLORS[row.kind];
  return `<g class="seq-${row.kind}"><rect x="${num(left)}" y="${num(y - 9)}" width="${num(right - left)}" height="18" rx="3" fill="${FILLS[row.kind] ?? '#f1f3f6'}" stroke="${color}" stroke-width="${row.kind === 'crash' ? 1.5 : 0.6}"/>${label((left + right) / 2, y + 4, row.text, Math.min(right - left, width) - 8, color)}</g>`;
}

function arrow(x1: number, x2: number, y: number, row: SeqRow): string {
  const color = COLORS[row.kind];
  const text = label((x1 + x2) / 2, y - 4, row.text, Math.abs(x2 - x1) + LANE - 30, color);
  if (row.kind === 'lost') {
    // The message gets two thirds of the way and is crossed out there.
    const end = x1 + (x2 - x1) * 0.66;
    return `<g class="seq-lost"><line x1="${num(x1)}" y1="${num(y)}" x2="${num(end)}" y2="${num(y)}" stroke="${color}" stroke-width="1.4" stroke-dasharray="5 3"/>` +
      `<path d="M${num(end - 5)} ${num(y - 5)} l10 10 M${num(end - 5)} ${num(y + 5)} l10 -10" stroke="${color}" stroke-width="2.2"/>${text}</g>`;
  }
  const dash = row.kind === 'reply' ? ' stroke-dasharray="6 3"' : '';
  const marker = row.kind === 'reply' ? 'seq-head-reply' : 'seq-head';
  return `<g class="seq-${row.kind}"><line x1="${num(x1)}" y1="${num(y)}" x2="${num(x2)}" y2="${num(y)}" stroke="${color}" stroke-width="1.3"${dash} marker-end="url(#${marker})"/>${text}</g>`;
}

/** Row ranges during which each participant is down (from its crash row to its restart row). */
function downSpans(rows: readonly SeqRow[], participants: readonly string[]): Map<string, Array<[number, number]>> {
  const spans = new Map<string, Array<[number, number]>>(participants.map((p) => [p, []]));
  const downSince = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.kind === 'crash') downSince.set(r.from, i);
    if (r.kind === 'restart' && downSince.has(r.from)) {
      spans.get(r.from)?.push([downSince.get(r.from)!, i]);
      downSince.delete(r.from);
    }
  });
  for (const [p, since] of downSince) spans.get(p)?.push([since, rows.length]);
  return spans;
}

function lifelines(d: SeqDiagram, x: (p: string) => number, rowY: (i: number) => number, bottom: number): string {
  const spans = downSpans(d.rows, d.participants);
  return d.participants.map((p) => {
    const cx = x(p);
    const head = `<rect x="${num(cx - LANE / 2 + 20)}" y="6" width="${LANE - 40}" height="26" rx="4" fill="#1d2330"/>${label(cx, 23, p, LANE - 48, '#ffffff')}`;
    const line = `<line x1="${num(cx)}" y1="32" x2="${num(cx)}" y2="${num(bottom)}" stroke="#c3c9d4" stroke-width="1.2"/>`;
    const down = (spans.get(p) ?? []).map(([a, b]) => {
      const y1 = rowY(a) + 9;
      const y2 = b >= d.rows.length ? bottom : rowY(b) - 9;
      return `<line class="seq-down" x1="${num(cx)}" y1="${num(y1)}" x2="${num(cx)}" y2="${num(y2)}" stroke="#c62828" stroke-width="2.4" stroke-dasharray="4 4"/>`;
    }).join('');
    return `<g class="seq-lifeline">${head}${line}${down}</g>`;
  }).join('');
}

function rowShape(row: SeqRow, y: number, x: (p: string) => number, width: number): string {
  if (row.kind === 'wide' || row.kind === 'fold') {
    const text = label(GUTTER + 8, y + 4, row.text, width - GUTTER - 16, COLORS[row.kind], 'start');
    return row.kind === 'fold' ? `<g class="seq-fold"><line x1="${GUTTER}" y1="${num(y)}" x2="${num(width)}" y2="${num(y)}" stroke="#d5dae3" stroke-dasharray="2 4"/>${text}</g>` : text;
  }
  const hasPeer = row.to !== undefined && row.to !== row.from;
  if ((row.kind === 'message' || row.kind === 'reply' || row.kind === 'lost') && hasPeer) return arrow(x(row.from), x(row.to!), y, row);
  return box(hasPeer ? [x(row.from), x(row.to!)] : [x(row.from)], y, row, width);
}

export function sequenceSvg(d: SeqDiagram): string {
  const index = new Map(d.participants.map((p, i) => [p, i]));
  const x = (p: string): number => GUTTER + LANE * ((index.get(p) ?? 0) + 0.5);
  const width = GUTTER + LANE * Math.max(d.participants.length, 1);
  const lastViolating = d.rows.reduce((last, r, i) => (r.violating === true ? i : last), -1);
  const markerAt = d.marker === undefined ? -1 : lastViolating >= 0 ? lastViolating : d.rows.length - 1;
  // The marker takes a row of its own, right under the violating rows.
  const rowY = (i: number): number => HEAD + ROW * (i + 0.5) + (markerAt >= 0 && i > markerAt ? ROW : 0);
  const height = HEAD + ROW * (d.rows.length + (markerAt >= 0 ? 1 : 0)) + 12;
  const parts: string[] = [];
  d.rows.forEach((r, i) => {
    const y = rowY(i);
    if (r.violating === true) parts.push(`<rect class="violating-step" x="0" y="${num(y - ROW / 2)}" width="${width}" height="${ROW}" fill="#fdecea"/>`);
    const gutter = `<text x="8" y="${num(y + 4)}" font-size="11" fill="#5b6475">${esc(r.step.padStart(5))}</text><text x="${GUTTER - 8}" y="${num(y + 4)}" font-size="10" fill="#8a93a3" text-anchor="end">${esc(r.time)}</text>`;
    parts.push(gutter);
  });
  parts.push(lifelines(d, x, rowY, height - 6));
  d.rows.forEach((r, i) => parts.push(rowShape(r, rowY(i), x, width)));
  if (markerAt >= 0) {
    const y = rowY(markerAt) + ROW;
    parts.push(`<g class="violation-marker"><rect x="0" y="${num(y - ROW / 2 + 2)}" width="${width}" height="${ROW - 4}" fill="#c62828"/>${label(GUTTER + 8, y + 4, `▲ ${d.marker!}`, width - GUTTER - 16, '#ffffff', 'start')}</g>`);
  }
  const defs = '<defs><marker id="seq-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#1d2330"/></marker>' +
    '<marker id="seq-head-reply" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#3b5bdb"/></marker></defs>';
  return `<svg id="sequence-diagram" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${num(height)}" viewBox="0 0 ${width} ${num(height)}" role="img" aria-label="sequence diagram">${defs}${parts.join('')}</svg>`;
}
