/**
 * A timeline of a run in virtual time, one lane per process: a crashed
 * process is a red band until its restart, a partition an orange band on
 * both sides of it, a request held back by the network a yellow band on the
 * sender; sends are small ticks, lost messages red crosses, timeouts orange
 * triangles, the client's answers green or red dots. A dashed line marks the
 * end of the fault phase (everything heals) and a red line the moment the
 * violation was detected.
 */
import type { TraceEntry } from '../../sim/trace/trace-recorder.ts';
import { ticksBetween } from './axis-ticks.ts';
import { esc, num, tip } from './html.ts';

export interface TimelineInput {
  entries: readonly TraceEntry[];
  participants: readonly string[];
  endMs: number;
  violation: { timeMs: number; label: string } | null;
}

interface Band {
  lane: string;
  fromMs: number;
  toMs: number;
  kind: 'down' | 'partition' | 'held';
  text: string;
}

const LEFT = 96;
const PLOT = 860;
const LANE = 34;
const TOP = 26;

const BAND_FILL: Record<Band['kind'], string> = { down: '#ef9a9a', partition: '#ffcc80', held: '#fff59d' };

/** Crashes to restarts, partitions to their healing, held-back requests to their delay's end. */
export function bandsOf(entries: readonly TraceEntry[], endMs: number): Band[] {
  const bands: Band[] = [];
  const downSince = new Map<string, number>();
  const partitionSince = new Map<string, number>();
  for (const e of entries) {
    if (e.kind === 'crash') downSince.set(e.actor, e.timeMs);
    if (e.kind === 'restart' && downSince.has(e.actor)) {
      bands.push({ lane: e.actor, fromMs: downSince.get(e.actor)!, toMs: e.timeMs, kind: 'down', text: `${e.actor} down (crashed at ${downSince.get(e.actor)} ms, restarted at ${e.timeMs} ms)` });
      downSince.delete(e.actor);
    }
    if (e.kind !== 'fault') continue;
    const partition = /^partition (\S+) \| (\S+)( heals)?$/.exec(e.text);
    if (partition !== null) {
      const key = `${partition[1]}|${partition[2]}`;
      if (partition[3] === undefined) partitionSince.set(key, e.timeMs);
      else if (partitionSince.has(key)) {
        bands.push(...partitionBands(partition[1]!, partition[2]!, partitionSince.get(key)!, e.timeMs));
        partitionSince.delete(key);
      }
    }
    const held = /^request (\S+) held back (\d+) ms$/.exec(e.text);
    if (held !== null) bands.push({ lane: e.actor, fromMs: e.timeMs, toMs: e.timeMs + Number(held[2]), kind: 'held', text: `request ${held[1]} to ${e.peer} held back ${held[2]} ms from ${e.timeMs} ms` });
  }
  for (const [lane, since] of downSince) bands.push({ lane, fromMs: since, toMs: endMs, kind: 'down', text: `${lane} down from ${since} ms to the end of the run` });
  for (const [key, since] of partitionSince) {
    const [a, b] = key.split('|') as [string, string];
    bands.push(...partitionBands(a, b, since, endMs));
  }
  return bands;
}

function partitionBands(a: string, b: string, fromMs: number, toMs: number): Band[] {
  const text = `partition ${a} | ${b} from ${fromMs} ms to ${toMs} ms`;
  return [{ lane: a, fromMs, toMs, kind: 'partition', text }, { lane: b, fromMs, toMs, kind: 'partition', text }];
}

function eventMark(e: TraceEntry, x: number, y: number): string {
  const t = tip(`${e.timeMs} ms, step ${e.step}: ${e.kind} ${e.actor}${e.peer !== '' ? ` / ${e.peer}` : ''} ${e.text}`);
  switch (e.kind) {
    case 'send':
      return `<line x1="${num(x)}" y1="${num(y - 5)}" x2="${num(x)}" y2="${num(y + 5)}" stroke="#5b6475" stroke-width="1">${t}</line>`;
    case 'drop':
      return `<path class="tl-lost" d="M${num(x - 4)} ${num(y - 4)} l8 8 M${num(x - 4)} ${num(y + 4)} l8 -8" stroke="#c62828" stroke-width="2">${t}</path>`;
    case 'timeout':
      return `<path d="M${num(x)} ${num(y - 6)} l5 9 h-10 z" fill="#b26a00">${t}</path>`;
    case 'answer': {
      const good = /: (SUCCESS|PENDING)\b/.test(e.text);
      return `<circle cx="${num(x)}" cy="${num(y)}" r="4.5" fill="${good ? '#2e7d32' : '#c62828'}">${t}</circle>`;
    }
    case 'crash':
      return `<path d="M${num(x - 6)} ${num(y - 6)} l12 12 M${num(x - 6)} ${num(y + 6)} l12 -12" stroke="#7f0000" stroke-width="2.6">${t}</path>`;
    default:
      return '';
  }
}

export function timelineSvg(input: TimelineInput): string {
  const { entries, participants } = input;
  const endMs = Math.max(input.endMs, input.violation?.timeMs ?? 0, 1);
  const x = (ms: number): number => LEFT + (PLOT * Math.min(ms, endMs)) / endMs;
  const laneY = new Map(participants.map((p, i) => [p, TOP + LANE * (i + 0.5)]));
  const height = TOP + LANE * participants.length + 34;
  const parts: string[] = [];
  participants.forEach((p, i) => {
    const y = TOP + LANE * i;
    parts.push(`<rect x="${LEFT}" y="${num(y + 3)}" width="${PLOT}" height="${LANE - 6}" fill="${i % 2 === 0 ? '#f6f8fa' : '#ffffff'}"/>`);
    parts.push(`<text x="${LEFT - 8}" y="${num(y + LANE / 2 + 4)}" font-size="12" text-anchor="end" fill="#1d2330">${esc(p)}</text>`);
  });
  for (const b of bandsOf(entries, endMs)) {
    const y = laneY.get(b.lane);
    if (y === undefined) continue;
    const w = Math.max(x(b.toMs) - x(b.fromMs), 2);
    parts.push(`<rect class="tl-band tl-${b.kind}" x="${num(x(b.fromMs))}" y="${num(y - LANE / 2 + 5)}" width="${num(w)}" height="${LANE - 10}" fill="${BAND_FILL[b.kind]}" opacity="0.85">${tip(b.text)}</rect>`);
  }
  for (const e of entries) {
    const y = laneY.get(e.actor);
    if (y !== undefined) parts.push(eventMark(e, x(e.timeMs), y));
  }
  const axisY = TOP + LANE * participants.length + 4;
  parts.push(`<line x1="${LEFT}" y1="${axisY}" x2="${LEFT + PLOT}" y2="${axisY}" stroke="#8a93a3"/>`);
  for (const t of ticksBetween(0, endMs, 8)) {
    parts.push(`<line x1="${num(x(t))}" y1="${axisY}" x2="${num(x(t))}" y2="${axisY + 4}" stroke="#8a93a3"/><text x="${num(x(t))}" y="${axisY + 16}" font-size="10" text-anchor="middle" fill="#5b6475">${t} ms</text>`);
  }
  const heal = entries.find((e) => e.actor === 'control' && e.text.startsWith('fault phase over'));
  if (heal !== undefined) {
    parts.push(`<g class="tl-heal"><line x1="${num(x(heal.timeMs))}" y1="${TOP - 4}" x2="${num(x(heal.timeMs))}" y2="${axisY}" stroke="#2e7d32" stroke-dasharray="4 3"/><text x="${num(x(heal.timeMs) + 4)}" y="${TOP - 8}" font-size="10" fill="#2e7d32">faults heal</text></g>`);
  }
  if (input.violation !== null) {
    const vx = x(input.violation.timeMs);
    parts.push(`<g class="tl-violation"><line x1="${num(vx)}" y1="${TOP - 4}" x2="${num(vx)}" y2="${axisY}" stroke="#c62828" stroke-width="2"/><text x="${num(Math.min(vx, LEFT + PLOT - 4))}" y="${TOP - 10}" font-size="11" font-weight="bold" text-anchor="end" fill="#c62828">${esc(input.violation.label)}</text></g>`);
  }
  const width = LEFT + PLOT + 24;
  return `<svg id="process-timeline" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="timeline per process">${parts.join('')}</svg>`;
}
