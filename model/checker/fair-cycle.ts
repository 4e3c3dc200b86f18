/**
 * Fairness of strongly connected components, and fair cycles through them.
 *
 * Under weak fairness, a behaviour that eventually stays inside a component C
 * and walks through all of C's states and edges is fair exactly when every
 * fairness group that is enabled in every state of C is also taken on some
 * edge inside C. Walking all of C is the best any cycle in C can do: each
 * sub-cycle takes fewer groups and sees fewer states where a group is
 * disabled. So judging whole components is exact for weak fairness. A
 * single state with no internal edge is the stuttering case: fair only when
 * no fairness group is enabled there.
 */
import type { Components } from './scc.ts';
import type { Edges } from './graph.ts';

export interface ComponentFairness {
  /** Per component: 1 when a fair behaviour can stay in it forever. */
  readonly fair: Uint8Array;
  /** Per component: 1 when it has an edge between two of its states. */
  readonly cyclic: Uint8Array;
  /** Per component: the groups enabled in every one of its states. */
  readonly alwaysEnabled: Int32Array;
}

export function judgeComponents(comps: Components, edges: Edges, fairOfInstance: Int32Array): ComponentFairness {
  const { count, component } = comps;
  const taken = new Int32Array(count);
  const alwaysEnabled = new Int32Array(count).fill(-1);
  const cyclic = new Uint8Array(count);
  for (let i = 0; i < component.length; i++) {
    const c = component[i]!;
    if (c === -1) continue;
    alwaysEnabled[c]! &= edges.enabled[i]!;
    for (let e = edges.edgeStart[i]!; e < edges.edgeStart[i + 1]!; e++) {
      if (component[edges.edgeTo[e]!] !== c) continue;
      cyclic[c] = 1;
      taken[c]! |= fairOfInstance[edges.edgeVia[e]!]!;
    }
  }
  const fair = new Uint8Array(count);
  for (let c = 0; c < count; c++) fair[c] = (alwaysEnabled[c]! & ~taken[c]!) === 0 ? 1 : 0;
  return { fair, cyclic, alwaysEnabled };
}

export interface Walk {
  /** States visited after the start, in order. */
  readonly states: number[];
  /** Action instance of each of those steps. */
  readonly vias: number[];
}

/**
 * Shortest walk from `from` to a state satisfying `goal`, moving only
 * through states accepted by `inside`; with `viaEdge` the goal is an edge.
 */
export function walk(
  edges: Edges,
  nodes: number,
  from: number,
  inside: (i: number) => boolean,
  goal: { state?: (i: number) => boolean; edge?: (e: number) => boolean },
): Walk | undefined {
  const prev = new Int32Array(nodes).fill(-2);
  const prevVia = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  let head = 0;
  let tail = 0;
  queue[tail++] = from;
  prev[from] = -1;
  const unwind = (end: number, extra?: { to: number; via: number }): Walk => {
    const states: number[] = [];
    const vias: number[] = [];
    for (let v = end; prev[v]! !== -1; v = prev[v]!) {
      states.push(v);
      vias.push(prevVia[v]!);
    }
    states.reverse();
    vias.reverse();
    if (extra) {
      states.push(extra.to);
      vias.push(extra.via);
    }
    return { states, vias };
  };
  while (head < tail) {
    const v = queue[head++]!;
    if (goal.state && v !== from && goal.state(v)) return unwind(v);
    for (let e = edges.edgeStart[v]!; e < edges.edgeStart[v + 1]!; e++) {
      const w = edges.edgeTo[e]!;
      if (!inside(w)) continue;
      if (goal.edge && goal.edge(e)) return unwind(v, { to: w, via: edges.edgeVia[e]! });
      if (prev[w] !== -2) continue;
      prev[w] = v;
      prevVia[w] = edges.edgeVia[e]!;
      queue[tail++] = w;
    }
  }
  return undefined;
}

/**
 * A cycle from `start` back to `start` inside component `c` that takes every
 * group in `required` at least once.
 */
export function fairCycle(edges: Edges, comps: Components, c: number, start: number, required: number, fairOfInstance: Int32Array): Walk {
  const nodes = comps.component.length;
  const inC = (i: number): boolean => comps.component[i] === c;
  const states: number[] = [];
  const vias: number[] = [];
  let at = start;
  const append = (w: Walk | undefined): void => {
    if (!w) throw new Error('internal: component is not strongly connected');
    states.push(...w.states);
    vias.push(...w.vias);
    if (w.states.length > 0) at = w.states[w.states.length - 1]!;
  };
  for (let g = 0; g < 31; g++) {
    if ((required & (1 << g)) === 0) continue;
    append(walk(edges, nodes, at, inC, { edge: (e) => inC(edges.edgeTo[e]!) && (fairOfInstance[edges.edgeVia[e]!]! & (1 << g)) !== 0 }));
  }
  // The cycle must take at least one step, even when no group has to be taken.
  if (states.length === 0) append(walk(edges, nodes, at, inC, { edge: () => true }));
  if (at !== start) append(walk(edges, nodes, at, inC, { state: (i) => i === start }));
  return { states, vias };
}
