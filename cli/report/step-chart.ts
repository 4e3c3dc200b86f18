/**
 * A step chart as inline SVG: quantities that change at discrete steps
 * (balances after each request, a model's variables after each action) drawn
 * as horizontal runs joined by vertical jumps, so the step at which money
 * moves, or goes missing, is a visible corner. One series may be emphasised
 * (thicker, its area shaded): the report uses that for money in transit.
 * A red vertical line marks the violating step; every change point carries
 * its values as a tooltip.
 */
import { esc, minor, num, tip } from './html.ts';
import { ticksBetween } from './axis-ticks.ts';

export interface ChartPoint {
  x: number;
  y: number;
  /** Tooltip of the change point. */
  note: string;
}

export interface ChartSeries {
  name: string;
  color: string;
  /** Sorted by x; the value holds until the next point. */
  points: ChartPoint[];
  emphasis?: boolean;
}

export interface StepChartInput {
  id: string;
  series: ChartSeries[];
  /** The last x drawn (the run's last step). */
  xEnd: number;
  xLabel: string;
  yLabel: string;
  marker: { x: number; label: string } | null;
}

const LEFT = 84;
const PLOT_W = 860;
const PLOT_H = 260;
const TOP = 28;

export const PALETTE = ['#1565c0', '#2e7d32', '#6a1b9a', '#00838f', '#ef6c00', '#5d4037', '#283593', '#558b2f'];

function path(points: readonly ChartPoint[], xEnd: number, px: (x: number) => number, py: (y: number) => number): string {
  if (points.length === 0) return '';
  let d = `M${num(px(points[0]!.x))} ${num(py(points[0]!.y))}`;
  for (let i = 1; i < points.length; i++) d += ` H${num(px(points[i]!.x))} V${num(py(points[i]!.y))}`;
  return d + ` H${num(px(xEnd))}`;
}

export function stepChartSvg(input: StepChartInput): string {
  const values = input.series.flatMap((s) => s.points.map((p) => p.y));
  const yMin = Math.min(0, ...values);
  const yMax = Math.max(1, ...values) * 1.08;
  const xEnd = Math.max(input.xEnd, 1, ...input.series.flatMap((s) => s.points.map((p) => p.x)));
  const px = (x: number): number => LEFT + (PLOT_W * x) / xEnd;
  const py = (y: number): number => TOP + PLOT_H - (PLOT_H * (y - yMin)) / (yMax - yMin);
  const parts: string[] = [];
  const yTicks = ticksBetween(yMin, yMax, 6);
  for (const t of yTicks) {
    parts.push(`<line x1="${LEFT}" y1="${num(py(t))}" x2="${LEFT + PLOT_W}" y2="${num(py(t))}" stroke="${t === 0 ? '#8a93a3' : '#eceff3'}"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${num(py(t) + 4)}" font-size="10" text-anchor="end" fill="#5b6475">${esc(minor(t))}</text>`);
  }
  for (const t of ticksBetween(0, xEnd, 10)) {
    if (!Number.isInteger(t)) continue;
    parts.push(`<text x="${num(px(t))}" y="${TOP + PLOT_H + 16}" font-size="10" text-anchor="middle" fill="#5b6475">${t}</text>`);
  }
  parts.push(`<text x="${LEFT + PLOT_W / 2}" y="${TOP + PLOT_H + 34}" font-size="11" text-anchor="middle" fill="#5b6475">${esc(input.xLabel)}</text>`);
  parts.push(`<text x="14" y="${TOP + PLOT_H / 2}" font-size="11" text-anchor="middle" fill="#5b6475" transform="rotate(-90 14 ${TOP + PLOT_H / 2})">${esc(input.yLabel)}</text>`);
  // The emphasised series goes first, so the others draw over its shaded area.
  const ordered = [...input.series.filter((s) => s.emphasis === true), ...input.series.filter((s) => s.emphasis !== true)];
  for (const s of ordered) {
    const d = path(s.points, xEnd, px, py);
    if (d === '') continue;
    const cls = `chart-series${s.emphasis === true ? ' chart-emphasis' : ''}`;
    const area = s.emphasis === true ? `<path d="${d} V${num(py(0))} H${num(px(s.points[0]!.x))} Z" fill="${s.color}" opacity="0.12"/>` : '';
    const dots = s.points.map((p) => `<circle cx="${num(px(p.x))}" cy="${num(py(p.y))}" r="3" fill="${s.color}">${tip(`${s.name}: ${minor(p.y)} — ${p.note}`)}</circle>`).join('');
    parts.push(`<g class="${cls}" data-series="${esc(s.name)}">${area}<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.emphasis === true ? 3 : 1.8}"/>${dots}</g>`);
  }
  if (input.marker !== null) {
    const mx = px(input.marker.x);
    parts.push(`<g class="chart-violation"><line x1="${num(mx)}" y1="${TOP - 6}" x2="${num(mx)}" y2="${TOP + PLOT_H}" stroke="#c62828" stroke-width="2" stroke-dasharray="6 3"/><text x="${num(Math.min(mx, LEFT + PLOT_W))}" y="${TOP - 10}" font-size="11" font-weight="bold" text-anchor="end" fill="#c62828">${esc(input.marker.label)}</text></g>`);
  }
  let legendY = TOP + PLOT_H + 52;
  let lx = LEFT;
  for (const s of input.series) {
    const w = 40 + s.name.length * 6.6;
    if (lx + w > LEFT + PLOT_W && lx > LEFT) {
      lx = LEFT;
      legendY += 18;
    }
    parts.push(`<g class="chart-legend"><rect x="${num(lx)}" y="${legendY - 9}" width="14" height="${s.emphasis === true ? 5 : 3}" fill="${s.color}"/><text x="${num(lx + 20)}" y="${legendY - 4}" font-size="11" fill="#1d2330">${esc(s.name)}</text></g>`);
    lx += w;
  }
  const width = LEFT + PLOT_W + 24;
  const height = legendY + 12;
  return `<svg id="${esc(input.id)}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(input.yLabel)} over ${esc(input.xLabel)}">${parts.join('')}</svg>`;
}
