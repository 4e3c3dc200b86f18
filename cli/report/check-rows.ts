/**
 * A model checker counterexample as sequence-diagram rows: each step is an
 * arrow from the acting process to its target labelled with the action and
 * the variables it changed (or a box on the actor when it has no target).
 * The state that breaks an invariant (or deadlocks) is the violating row; a
 * liveness lasso ends in a row that says which state the behaviour loops
 * back to, and a stuttering one in a row that says it stays.
 */
import type { TraceStep, Violation } from '../../model/checker/result.ts';
import { changedVars, showValue } from '../format/check-values.ts';
import type { SeqDiagram, SeqRow } from './sequence-diagram.ts';

const SYSTEM = 'System';

export function checkParticipants(trace: readonly TraceStep[]): string[] {
  const seen: string[] = [];
  for (const s of trace) for (const p of [s.actor, s.target]) if (p !== undefined && p !== '' && !seen.includes(p)) seen.push(p);
  return seen.length === 0 ? [SYSTEM] : seen;
}

function changes(before: TraceStep, step: TraceStep): string {
  return changedVars(before.state, step.state).map((k) => `${k} = ${showValue(step.state[k]!)}`).join(', ');
}

export function checkDiagram(v: Violation): SeqDiagram {
  const participants = checkParticipants(v.trace);
  const first = participants[0]!;
  const last = v.trace.length - 1;
  const lasso = v.loopIndex !== undefined && last > 0;
  const rows: SeqRow[] = [{ step: '1', time: '', kind: 'wide', from: first, text: 'initial state' }];
  v.trace.forEach((step, i) => {
    if (i === 0) return;
    const actor = step.actor ?? first;
    const changed = changes(v.trace[i - 1]!, step);
    const text = `${step.action ?? ''}${changed === '' ? '' : `: ${changed}`}`;
    const target = step.target !== undefined && step.target !== actor ? step.target : undefined;
    const violating = !lasso && v.kind !== 'liveness' && i === last;
    rows.push({ step: String(i + 1), time: '', kind: target === undefined ? 'note' : 'message', from: actor, to: target, text, violating });
  });
  if (lasso) rows.push({ step: '', time: '', kind: 'fold', from: first, text: `↺ state ${last + 1} is state ${v.loopIndex! + 1} again: states ${v.loopIndex! + 1}..${last} repeat forever`, violating: true });
  if (v.stuttering === true) rows.push({ step: '', time: '', kind: 'fold', from: first, text: `stutters forever in state ${last + 1} (no fair action is enabled)`, violating: true });
  const what = v.kind === 'invariant' ? `invariant ${v.property} violated in state ${last + 1}` : v.kind === 'deadlock' ? `deadlock in state ${last + 1}` : `temporal property ${v.property} violated`;
  return { participants, rows, marker: `${what}: ${v.description}` };
}
