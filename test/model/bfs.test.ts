/**
 * Breadth-first search on small random graphs: the distinct-state count is
 * the number of reachable nodes, and an invariant violated at a node is
 * reported with a shortest trace to it, every step a real edge.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../model/checker/compile.ts';
import { prepare, runCheck } from '../../model/checker/run.ts';
import type { ModelDef } from '../../model/checker/define.ts';
import { distances, graphModel } from './graph-model.ts';
import { testSeed } from './seed.ts';

const graph = fc.integer({ min: 1, max: 12 }).chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }));

function asDef(spec: ReturnType<typeof graphModel>): ModelDef {
  return { id: 'test/graph', description: 'graph', constants: [], build: () => spec };
}

function run(spec: ReturnType<typeof graphModel>, maxStates = 1e6) {
  const p = prepare(asDef(spec), {}, []);
  if (!p.ok) throw new Error(p.message);
  return runCheck(p.value, { mode: { kind: 'exhaustive' }, maxStates, strict: true });
}

describe('bfs', () => {
  it('counts exactly the reachable nodes', () => {
    const seed = testSeed('bfs-count');
    fc.assert(
      fc.property(graph, (adj) => {
        const r = run(graphModel(adj));
        expect(r.kind).toBe('ok');
        if (r.kind !== 'ok') return;
        const dist = distances(adj);
        expect(r.stats.distinctStates).toBe(dist.filter((d) => d >= 0).length);
        expect(r.stats.depth).toBe(Math.max(...dist) + 1);
      }),
      { seed, numRuns: 200 },
    );
  });

  it('reports a shortest trace to an invariant violation', () => {
    const seed = testSeed('bfs-shortest');
    fc.assert(
      fc.property(graph, fc.nat(), (adj, pick) => {
        const target = pick % adj.length;
        const dist = distances(adj);
        const r = run(graphModel(adj, { target }));
        if (dist[target] === -1) {
          expect(r.kind).toBe('ok');
          return;
        }
        expect(r.kind).toBe('violation');
        if (r.kind !== 'violation') return;
        const trace = r.violation.trace;
        expect(trace.length).toBe(dist[target]! + 1);
        expect(trace[trace.length - 1]!.state['node']).toBe(target);
        for (let i = 1; i < trace.length; i++) {
          expect(adj[trace[i - 1]!.state['node'] as number]).toContain(trace[i]!.state['node']);
        }
      }),
      { seed, numRuns: 200 },
    );
  });

  it('reports a deadlock unless the state is terminal', () => {
    const adj = [[1], [2], []];
    const deadlocked = run(graphModel(adj, { terminalAll: false }));
    expect(deadlocked.kind).toBe('violation');
    if (deadlocked.kind === 'violation') {
      expect(deadlocked.violation.kind).toBe('deadlock');
      expect(deadlocked.violation.trace.map((s) => s.state['node'])).toEqual([0, 1, 2]);
    }
    expect(run(graphModel(adj, { terminalAll: true })).kind).toBe('ok');
  });

  it('stops cleanly at --max-states', () => {
    const adj = Array.from({ length: 50 }, (_, i) => [(i + 1) % 50]);
    const r = run(graphModel(adj), 10);
    expect(r.kind).toBe('stopped');
    if (r.kind === 'stopped') expect(r.stats.distinctStates).toBe(10);
  });

  it('reports a value outside its declared range as a model error', () => {
    const spec = graphModel([[1], [0]]);
    const broken = { ...spec, actions: [{ ...spec.actions[0]!, run: (s: Record<string, number>) => ((s['node'] = 7), true) }] };
    const r = runCheck({ def: asDef(broken as never), constants: {}, model: compile(broken as never), invariants: [], properties: [] }, { mode: { kind: 'exhaustive' }, maxStates: 100 });
    expect(r.kind).toBe('model-error');
    if (r.kind === 'model-error') expect(r.message).toMatch(/sets node to 7, outside its declared range; node is an integer in 0\.\.1/);
  });
});
