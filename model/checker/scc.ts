/**
 * Strongly connected components of a subgraph of the state graph, by Tarjan's
 * algorithm made iterative (an explicit stack of (node, next-edge) frames):
 * state graphs are millions of nodes deep, far past the JS call stack.
 *
 * `keep(i)` selects the nodes of the subgraph; edges to dropped nodes are
 * ignored. The result numbers each kept node's component (dropped nodes get
 * -1); components are numbered in reverse topological order.
 */
import type { Edges } from './graph.ts';

export interface Components {
  readonly count: number;
  readonly component: Int32Array;
}

export function stronglyConnected(nodes: number, edges: Edges, keep: (i: number) => boolean): Components {
  const { edgeStart, edgeTo } = edges;
  const index = new Int32Array(nodes).fill(-1);
  const low = new Int32Array(nodes);
  const component = new Int32Array(nodes).fill(-1);
  const onStack = new Uint8Array(nodes);
  const stack = new Int32Array(nodes);
  const callNode = new Int32Array(nodes);
  const callEdge = new Int32Array(nodes);
  let sp = 0;
  let next = 0;
  let count = 0;
  for (let root = 0; root < nodes; root++) {
    if (index[root] !== -1 || !keep(root)) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = edgeStart[root]!;
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < edgeStart[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = edgeTo[e]!;
        if (!keep(w)) continue;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = edgeStart[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const u = callNode[depth]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  return { count, component };
}
