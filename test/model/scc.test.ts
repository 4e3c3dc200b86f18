/**
 * Tarjan's components (iterative) against the definition: two nodes share a
 * component exactly when each reaches the other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stronglyConnected } from '../../model/checker/scc.ts';
import type { Edges } from '../../model/checker/graph.ts';
import { testSeed } from './seed.ts';

function toEdges(adj: number[][]): Edges {
  const edgeStart = new Int32Array(adj.length + 1);
  adj.forEach((out, i) => (edgeStart[i + 1] = edgeStart[i]! + out.length));
  const flat = adj.flat();
  return { edgeStart, edgeTo: Int32Array.from(flat), edgeVia: new Int32Array(flat.length), enabled: new Int32Array(adj.length) };
}

function reachable(adj: number[][], from: number, keep: (i: number) => boolean): Set<number> {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const w of adj[stack.pop()!]!) {
      if (keep(w) && !seen.has(w)) {
        seen.add(w);
        stack.push(w);
      }
    }
  }
  return seen;
}

describe('strongly connected components', () => {
  it('match mutual reachability, also on a subgraph', () => {
    const seed = testSeed('scc');
    const graph = fc.integer({ min: 1, max: 14 }).chain((n) =>
      fc.tuple(fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }), fc.array(fc.boolean(), { minLength: n, maxLength: n })),
    );
    fc.assert(
      fc.property(graph, ([adj, kept]) => {
        const keep = (i: number): boolean => kept[i]!;
        const { component } = stronglyConnected(adj.length, toEdges(adj), keep);
        for (let a = 0; a < adj.length; a++) {
          if (!keep(a)) {
            expect(component[a]).toBe(-1);
            continue;
          }
          const fromA = reachable(adj, a, keep);
          for (let b = 0; b < adj.length; b++) {
            if (!keep(b)) continue;
            const mutual = fromA.has(b) && reachable(adj, b, keep).has(a);
            expect(component[a] === component[b]).toBe(mutual);
          }
        }
      }),
      { seed, numRuns: 200 },
    );
  });

  it('handles a path far deeper than the call stack', () => {
    const n = 200_000;
    const adj = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [0]));
    const { count } = stronglyConnected(n, toEdges(adj), () => true);
    expect(count).toBe(1);
  });
});
