/**
 * The explored state space as the BFS leaves it: packed states in discovery
 * (breadth-first) order, the parent and action instance that first reached
 * each state, and, when liveness is to be checked, the successor edges in
 * compressed rows plus the fairness groups enabled in each state.
 */

export interface StateGraph {
  readonly count: number;
  readonly words: number;
  readonly store: Uint32Array;
  /** Index of the state that first reached this one; -1 for initial states. */
  readonly parent: Int32Array;
  /** Action instance of that first step; -1 for initial states. */
  readonly via: Int32Array;
  readonly edges?: Edges;
}

export interface Edges {
  /** Edges of state i are edgeTo[edgeStart[i] .. edgeStart[i + 1]). Self-loops are left out. */
  readonly edgeStart: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeVia: Int32Array;
  /** Bit g set when fairness group g has a state-changing step enabled in the state. */
  readonly enabled: Int32Array;
}

/** State indices from an initial state to `index`, inclusive. */
export function pathTo(graph: StateGraph, index: number): number[] {
  const path: number[] = [];
  for (let i = index; i !== -1; i = graph.parent[i]!) path.push(i);
  return path.reverse();
}
