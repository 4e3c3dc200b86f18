/**
 * The check formatters on liveness counterexamples: a lasso reads "back to
 * state k" and a stuttering end says so, in text and in mermaid.
 */
import { describe, expect, it } from 'vitest';
import { mermaidTrace } from '../../cli/format/check-mermaid.ts';
import { resultLines } from '../../cli/format/check-text.ts';
import { seedExercise } from '../../model/bank-transfer/seed-exercise.ts';
import type { ModelDef } from '../../model/checker/define.ts';
import { prepare, runCheck } from '../../model/checker/run.ts';
import { graphModel } from './graph-model.ts';

function check(def: ModelDef, skip: string[]) {
  const p = prepare(def, Object.fromEntries(def.constants.map((c) => [c.name, c.default])), skip);
  if (!p.ok) throw new Error(p.message);
  return runCheck(p.value, { mode: { kind: 'exhaustive' }, maxStates: 1000 });
}

const plain = (lines: string[]) => lines.join('\n').replace(/\u001b\[[0-9;]*m/g, '');

describe('liveness counterexamples in text and mermaid', () => {
  it('prints a lasso with "back to state k"', () => {
    const spec = graphModel([[1], [0]], {
      properties: [{ kind: 'eventually-always', name: 'StaysAtOne', description: 'eventually always at node 1', p: ((s: { node: number }) => s.node === 1) as never }],
      fairness: [{ name: 'Edges', actions: ['Edge'] }],
    });
    const r = check({ id: 'test/lasso', description: '', constants: [], build: () => spec }, []);
    expect(r.kind).toBe('violation');
    const text = plain(resultLines(r, 'replay'));
    expect(text).toContain('Error: Temporal property StaysAtOne is violated.');
    expect(text).toMatch(/State 3: <Edge\(k=0\)> back to state 1/);
    if (r.kind === 'violation') expect(mermaidTrace(r.violation.trace, r.violation.loopIndex)).toContain('back to state 1, forever');
  });

  it('prints a stuttering end', () => {
    const spec = seedExercise.build({ BALANCE: 10, AMOUNT: 5, PRESSES: 3 });
    const unfair = { ...spec, fairness: spec.fairness.filter((f) => f.name !== 'Worker') };
    const r = check({ ...seedExercise, build: () => unfair }, ['NoOverdraft']);
    expect(r.kind).toBe('violation');
    const text = plain(resultLines(r, 'replay'));
    expect(text).toContain('Error: Temporal property EventuallyConsistent is violated.');
    expect(text).toMatch(/State \d+: Stuttering/);
    expect(text).toContain('Reproduce: replay');
  });
});
