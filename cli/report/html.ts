/**
 * Escaping and small text helpers for the report's HTML and inline SVG.
 * Everything a report shows comes from run values that may hold any text
 * (a user's design names its own messages), so every piece of text goes
 * through `esc` before it reaches the page.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** At most `max` characters, the cut marked with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (max < 2) return '';
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/** A number as SVG coordinates want it: at most one decimal, no exponent. */
export function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** An SVG `<title>` child: the full text as a native tooltip, where a label had to be cut. */
export function tip(text: string): string {
  return `<title>${esc(text)}</title>`;
}

/** Amounts in minor units as they are counted: integers with thin grouping. */
export function minor(n: number): string {
  return n.toLocaleString('en-US');
}
