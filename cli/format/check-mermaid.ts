/**
 * A counterexample as a mermaid sequence diagram, the notation the seed
 * documents draw their flows in: each step is an arrow from the acting
 * process to its target (or a note over the actor), followed by a note with
 * the variables it changed.
 */
import type { TraceStep } from '../../model/checker/result.ts';
import { changedVars, showValue } from './check-values.ts';

function escape(text: string): string {
  return text.replace(/[;#]/g, ' ').replace(/"/g, "'");
}

export function mermaidTrace(trace: readonly TraceStep[], loopIndex?: number, stuttering?: boolean): string {
  const participants: string[] = [];
  for (const s of trace) {
    for (const p of [s.actor, s.target]) if (p && !participants.includes(p)) participants.push(p);
  }
  if (participants.length === 0) participants.push('System');
  const first = participants[0]!;
  const lines = ['sequenceDiagram', 'autonumber', ...participants.map((p) => `participant ${p}`)];
  const state0 = trace[0];
  if (state0) {
    const init = Object.entries(state0.state).map(([k, v]) => `${k} = ${showValue(v)}`).join('<br/>');
    lines.push(`Note over ${first}: initial state<br/>${escape(init)}`);
  }
  trace.forEach((step, i) => {
    if (i === 0 || step.action === null) return;
    const actor = step.actor ?? first;
    lines.push(step.target && step.target !== actor ? `${actor}->>${step.target}: ${escape(step.action)}` : `Note over ${actor}: ${escape(step.action)}`);
    const changed = changedVars(trace[i - 1]!.state, step.state).map((k) => `${k} = ${showValue(step.state[k]!)}`);
    if (changed.length > 0) lines.push(`Note right of ${actor}: ${escape(changed.join('<br/>'))}`);
  });
  if (loopIndex !== undefined) lines.push(`Note over ${first}: back to state ${loopIndex + 1}, forever`);
  if (stuttering) lines.push(`Note over ${first}: stutters forever (no fair action enabled)`);
  return lines.join('\n');
}
