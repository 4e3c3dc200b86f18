/**
 * Liveness under weak fairness on tiny hand-made models whose answers are
 * known, including the cases where weak fairness does or does not force an
 * action that is only intermittently enabled.
 */
import { describe, expect, it } from 'vitest';
import { actionsOf, erase, type ModelDef, type ModelSpec, type PropertyDef } from '../../model/checker/define.ts';
import { prepare, runCheck } from '../../model/checker/run.ts';
import { int, type Shape } from '../../model/checker/shape.ts';
import { seedExercise } from '../../model/bank-transfer/seed-exercise.ts';
import { graphModel } from './graph-model.ts';

const at = (n: number) => (s: Record<string, unknown>) => s['node'] === n;
const always = (name: string, p: (s: never) => boolean): PropertyDef<Shape> => ({ kind: 'eventually-always', name, description: name, p: p as never });
const leadsTo = (name: string, p: (s: never) => boolean, q: (s: never) => boolean): PropertyDef<Shape> => ({ kind: 'leads-to', name, description: name, p: p as never, q: q as never });

function check(spec: ModelSpec<Shape>, skip: string[] = []) {
  const def: ModelDef = { id: 'test/live', description: '', constants: [], build: () => spec };
  const p = prepare(def, {}, skip);
  if (!p.ok) throw new Error(p.message);
  const r = runCheck(p.value, { mode: { kind: 'exhaustive' }, maxStates: 1e6, strict: true });
  if (r.kind === 'model-error' || r.kind === 'stopped') throw new Error(`unexpected ${r.kind}`);
  return r;
}

describe('liveness', () => {
  it('<>[]P fails by stuttering when the step to P is not fair', () => {
    const r = check(graphModel([[1], []], { properties: [always('EventuallyAt1', at(1))] }));
    expect(r.kind).toBe('violation');
    if (r.kind !== 'violation') return;
    expect(r.violation.kind).toBe('liveness');
    expect(r.violation.stuttering).toBe(true);
    expect(r.violation.trace.map((s) => s.state['node'])).toEqual([0]);
  });

  it('<>[]P holds when the step to P is weakly fair', () => {
    const r = check(graphModel([[1], []], { properties: [always('EventuallyAt1', at(1))], fairness: [{ name: 'Edges', actions: ['Edge'] }] }));
    expect(r.kind).toBe('ok');
  });

  it('<>[]P fails on a fair cycle that leaves P, as a lasso', () => {
    const r = check(graphModel([[1], [0]], { properties: [always('EventuallyAt1', at(1))], fairness: [{ name: 'Edges', actions: ['Edge'] }] }));
    expect(r.kind).toBe('violation');
    if (r.kind !== 'violation') return;
    const trace = r.violation.trace;
    expect(r.violation.loopIndex).toBe(0);
    expect(trace.map((s) => s.state['node'])).toEqual([0, 1, 0]);
  });

  // x moves 0 <-> 1 by Loop (not fair) and to 2 by Exit (weakly fair), enabled in `exitFrom`.
  function loopExit(exitFrom: number[]): ModelSpec<Shape> {
    const shape = { x: int(0, 2) };
    const act = actionsOf(shape);
    return erase({
      shape,
      init: (s) => {
        s.x = 0;
      },
      actions: [
        act('Loop', {}, (s) => (s.x === 2 ? false : ((s.x = 1 - s.x), true))),
        act('Exit', {}, (s) => (exitFrom.includes(s.x) ? ((s.x = 2), true) : false)),
      ],
      invariants: [],
      properties: [leadsTo('ZeroLeadsToTwo', (s: { x: number }) => s.x === 0, (s: { x: number }) => s.x === 2)],
      fairness: [{ name: 'ExitFair', actions: ['Exit'] }],
      terminal: () => true,
    });
  }

  it('P ~> Q: weak fairness does not force an exit enabled only now and then', () => {
    const r = check(loopExit([1]));
    expect(r.kind).toBe('violation');
    if (r.kind !== 'violation') return;
    expect(r.violation.loopIndex).toBeDefined();
    const xs = r.violation.trace.map((s) => s.state['x']);
    expect(xs).not.toContain(2);
    expect(xs[xs.length - 1]).toBe(xs[r.violation.loopIndex!]);
  });

  it('P ~> Q: weak fairness forces an exit enabled all along the cycle', () => {
    expect(check(loopExit([0, 1])).kind).toBe('ok');
  });

  it('the seed exercise is eventually consistent, but not without a fair worker', () => {
    const spec = seedExercise.build({ BALANCE: 10, AMOUNT: 5, PRESSES: 3 });
    expect(check(spec, ['NoOverdraft']).kind).toBe('ok');
    const unfair = check({ ...spec, fairness: spec.fairness.filter((f) => f.name !== 'Worker') }, ['NoOverdraft']);
    expect(unfair.kind).toBe('violation');
    if (unfair.kind !== 'violation') return;
    expect(unfair.violation.property).toBe('EventuallyConsistent');
    expect(unfair.violation.stuttering).toBe(true);
    expect(unfair.violation.trace.at(-1)!.state['reversals']).not.toEqual([]);
  });
});
