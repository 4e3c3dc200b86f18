/**
 * The frame every report page shares: one self-contained HTML document with
 * its style sheet and its only script inline. A content security policy
 * forbids every network fetch, so a report opened offline (or attached to a
 * CI run and downloaded months later) shows exactly what it showed when it
 * was written, and a report that tried to load anything would fail loudly in
 * the browser test instead of silently depending on the network.
 */
import { esc } from './html.ts';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { --ink: #1d2330; --dim: #5b6475; --line: #d5dae3; --bad: #c62828; --bad-bg: #fdecea; --ok: #2e7d32; --ok-bg: #e8f5e9; --warn: #b26a00; --warn-bg: #fff4e0; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fafbfc; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
p.lead { margin: 4px 0 12px; color: var(--dim); }
.verdict { display: inline-block; padding: 2px 10px; border-radius: 4px; font-weight: 600; letter-spacing: 0.02em; }
.verdict.bad { background: var(--bad-bg); color: var(--bad); }
.verdict.ok { background: var(--ok-bg); color: var(--ok); }
.verdict.warn { background: var(--warn-bg); color: var(--warn); }
.message { margin: 8px 0; padding: 8px 12px; border-left: 4px solid var(--bad); background: #fff; }
.replay { display: flex; gap: 8px; align-items: stretch; margin: 6px 0; }
.replay code { flex: 1; padding: 6px 10px; background: #1d2330; color: #e8edf5; border-radius: 4px; font: 12.5px/1.5 ui-monospace, Menlo, Consolas, monospace; overflow-x: auto; white-space: pre; }
.replay button { padding: 0 14px; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; font: inherit; }
.replay .what { min-width: 92px; color: var(--dim); align-self: center; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.facts dt { color: var(--dim); }
dl.facts dd { margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; }
figure { margin: 8px 0; overflow-x: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
figcaption { color: var(--dim); font-size: 12.5px; margin: 4px 4px 8px; }
svg text { font-family: ui-monospace, Menlo, Consolas, monospace; }
table.states { border-collapse: collapse; font: 12.5px ui-monospace, Menlo, Consolas, monospace; background: #fff; }
table.states th, table.states td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
table.states td.changed { background: #fff3b0; font-weight: 600; }
table.states tr.loop-start td:first-child { border-left: 4px solid var(--bad); }
table.states tr.back td { color: var(--bad); font-weight: 600; }
.note { color: var(--dim); font-size: 12.5px; }
`;

/** Copies a replay line; falls back to selecting the text where the clipboard API is not offered (some file:// pages). */
const SCRIPT = `
(function () {
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var node = document.getElementById(button.getAttribute('data-copy'));
      var done = function (label) { button.textContent = label; setTimeout(function () { button.textContent = 'copy'; }, 1500); };
      var fallback = function () { select(node); done(document.execCommand && document.execCommand('copy') ? 'copied' : 'selected'); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(node.textContent).then(function () { done('copied'); }, fallback);
      else fallback();
    });
  });
  document.body.setAttribute('data-script', 'ready');
})();
`;

export function pageHtml(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A replay line with its copy button; `id` must be unique on the page. */
export function replayBlock(id: string, what: string, line: string): string {
  return `<div class="replay"><span class="what">${esc(what)}</span><code id="${esc(id)}">${esc(line)}</code><button type="button" data-copy="${esc(id)}">copy</button></div>`;
}

/** Label and value pairs as a definition list. */
export function factsList(facts: ReadonlyArray<readonly [string, string]>): string {
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}
