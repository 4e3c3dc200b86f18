/**
 * Test helper: a model whose state is one node of a given directed graph.
 * Action Edge(k) follows the k-th out-edge of the current node, so the
 * checker's state graph is exactly the given graph restricted to what is
 * reachable from node 0.
 */
import { actionsOf, erase, range, type FairnessDef, type ModelSpec, type PropertyDef } from '../../model/checker/define.ts';
import { int, type Shape } from '../../model/checker/shape.ts';

export function graphModel(
  adj: readonly (readonly number[])[],
  opts: { target?: number; properties?: PropertyDef<Shape>[]; fairness?: FairnessDef[]; terminalAll?: boolean } = {},
): ModelSpec<Shape> {
  const shape = { node: int(0, Math.max(adj.length - 1, 0)) };
  const act = actionsOf(shape);
  const maxOut = Math.max(1, ...adj.map((a) => a.length));
  return erase({
    shape,
    init: (s) => {
      s.node = 0;
    },
    actions: [
      act('Edge', { k: range(maxOut) }, (s, k) => {
        const out = adj[s.node]!;
        if (k >= out.length) return false;
        s.node = out[k]!;
        return true;
      }),
    ],
    invariants: opts.target === undefined ? [] : [{ name: 'NotTarget', description: 'the target is never reached', holds: (s) => s.node !== opts.target }],
    properties: opts.properties ?? [],
    fairness: opts.fairness ?? [],
    terminal: () => opts.terminalAll ?? true,
  });
}

/** Breadth-first distances from node 0 (-1 when unreachable), computed the plain way. */
export function distances(adj: readonly (readonly number[])[]): number[] {
  const dist = adj.map(() => -1);
  dist[0] = 0;
  const queue = [0];
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h]!;
    for (const w of adj[v]!) {
      if (dist[w] === -1) {
        dist[w] = dist[v]! + 1;
        queue.push(w);
      }
    }
  }
  return dist;
}
