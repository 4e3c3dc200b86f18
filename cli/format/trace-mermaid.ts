/**
 * Renders a run's trace as a mermaid sequence diagram, the notation the seed
 * documents use, so a failing run can be pasted next to the design it breaks.
 */
import type { TraceEntry } from '../../sim/trace/trace-recorder.ts';

const PARTICIPANTS = ['mobile', 'api', 'external', 'ledger'];

export function formatTraceMermaid(entries: readonly TraceEntry[]): string {
  const lines = ['sequenceDiagram', ...PARTICIPANTS.map((p) => `participant ${p}`)];
  for (const e of entries) {
    const text = clean(e.text);
    switch (e.kind) {
      case 'send':
        lines.push(`${e.actor}->>${e.peer}: ${text}`);
        break;
      case 'deliver':
        if (e.text.startsWith('reply')) lines.push(`${e.actor}-->>${e.peer}: ${text}`);
        break;
      case 'drop':
        lines.push(`Note over ${e.actor},${e.peer}: ${text}`);
        break;
      case 'timeout':
        lines.push(`Note over ${e.actor}: timeout waiting for ${e.peer} ${text}`);
        break;
      case 'crash':
      case 'restart':
        lines.push(`Note over ${e.actor}: ${e.kind.toUpperCase()} ${text}`);
        break;
      case 'store':
        // Read-only transactions change nothing worth drawing.
        if (!e.text.endsWith('(read-only)')) lines.push(`Note over ${e.actor}: ${text}`);
        break;
      case 'fault':
        lines.push(`Note over api: ${text}`);
        break;
      default:
        break;
    }
  }
  return lines.join('\n');
}

/** Mermaid treats some characters as syntax; keep messages readable and safe. */
function clean(text: string): string {
  return text.replace(/[;#]/g, ' ').replace(/[{}"]/g, '').slice(0, 120);
}
