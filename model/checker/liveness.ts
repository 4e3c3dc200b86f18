/**
 * Checking `<>[]P` and `P ~> Q` under weak fairness on the explored graph.
 *
 * `<>[]P` fails when some fair component (see fair-cycle.ts) contains a
 * state where P is false: the behaviour reaches it and loops through the
 * component forever. `P ~> Q` fails when a reachable state with P and not Q
 * can reach, without passing a Q state, a fair component of the not-Q
 * subgraph. Tarjan numbers components sinks first, so "can reach a fair
 * component" is one pass over components in that order. The counterexample
 * is a lasso: a shortest prefix, then a cycle that takes every fairness group
 * the component requires; a fair single state becomes a stuttering end.
 */
import type { Compiled } from './compile.ts';
import type { PropertyDef } from './define.ts';
import { fairCycle, judgeComponents, walk } from './fair-cycle.ts';
import { pathTo, type Edges, type StateGraph } from './graph.ts';
import type { Violation } from './result.ts';
import type { Shape } from './shape.ts';
import { stronglyConnected } from './scc.ts';
import { traceOf } from './trace.ts';

function evaluate(model: Compiled, graph: StateGraph, pred: (s: never) => boolean): Uint8Array {
  const view = model.newView();
  const out = new Uint8Array(graph.count);
  const unpack = model.codec.unpack;
  for (let i = 0; i < graph.count; i++) {
    unpack(graph.store, i * graph.words, view);
    out[i] = (pred as (s: unknown) => boolean)(view) ? 1 : 0;
  }
  return out;
}

export function checkProperty(model: Compiled, graph: StateGraph, prop: PropertyDef<Shape>): Violation | undefined {
  const edges = graph.edges;
  if (!edges) throw new Error('internal: liveness needs the recorded edges');
  const fairOf = Int32Array.from(model.instances, (x) => x.fairMask);
  const p = evaluate(model, graph, prop.p);
  const notQ = prop.kind === 'leads-to' ? evaluate(model, graph, prop.q).map((v) => 1 - v) : undefined;
  const keep = notQ ? (i: number) => notQ[i] === 1 : () => true;
  const comps = stronglyConnected(graph.count, edges, keep);
  const judged = judgeComponents(comps, edges, fairOf);
  // Per component: can a fair component be reached from it inside the kept subgraph?
  const reach = new Uint8Array(comps.count);
  const members = groupByComponent(comps.component, comps.count);
  for (let c = 0; c < comps.count; c++) {
    if (judged.fair[c] === 1 && (notQ !== undefined || hasFalse(members, c, p))) reach[c] = 1;
    for (let k = members.start[c]!; k < members.start[c + 1]! && reach[c] === 0; k++) {
      if (notQ === undefined) break;
      const i = members.order[k]!;
      for (let e: number = edges.edgeStart[i]!; e < edges.edgeStart[i + 1]!; e++) {
        const d: number = comps.component[edges.edgeTo[e]!]!;
        if (d !== -1 && d !== c && reach[d] === 1) reach[c] = 1;
      }
    }
  }
  // The first offending state in BFS order has the shortest prefix.
  for (let i = 0; i < graph.count; i++) {
    const c = comps.component[i]!;
    if (c === -1 || reach[c] === 0) continue;
    if (notQ ? p[i] === 1 : p[i] === 0) return lasso(model, graph, edges, comps, judged, i, fairOf, keep, prop);
  }
  return undefined;
}

function hasFalse(members: { order: Int32Array; start: Int32Array }, c: number, p: Uint8Array): boolean {
  for (let k = members.start[c]!; k < members.start[c + 1]!; k++) if (p[members.order[k]!] === 0) return true;
  return false;
}

function groupByComponent(component: Int32Array, count: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(count + 1);
  for (const c of component) if (c !== -1) start[c + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, count);
  const order = new Int32Array(start[count]!);
  component.forEach((c, i) => {
    if (c !== -1) order[fill[c]!++] = i;
  });
  return { order, start };
}

function lasso(
  model: Compiled,
  graph: StateGraph,
  edges: Edges,
  comps: ReturnType<typeof stronglyConnected>,
  judged: ReturnType<typeof judgeComponents>,
  from: number,
  fairOf: Int32Array,
  keep: (i: number) => boolean,
  prop: PropertyDef<Shape>,
): Violation {
  const prefix = pathTo(graph, from);
  const states = [...prefix];
  const vias = prefix.map((i) => graph.via[i]!);
  const isFairComp = (i: number): boolean => comps.component[i] !== -1 && judged.fair[comps.component[i]!] === 1;
  let entry = from;
  // For `<>[]P` the start state already lies in a fair component; for `~>` walk to one first.
  if (!isFairComp(from)) {
    const w = walk(edges, graph.count, from, keep, { state: isFairComp });
    if (!w) throw new Error('internal: no walk to a fair component');
    states.push(...w.states);
    vias.push(...w.vias);
    entry = w.states[w.states.length - 1]!;
  }
  const c = comps.component[entry]!;
  const base = { property: prop.name, kind: 'liveness' as const, description: prop.description };
  if (judged.cyclic[c] === 0) {
    return { ...base, trace: traceOf(model, graph, states, vias), stuttering: true };
  }
  const loopIndex = states.length - 1;
  const cycle = fairCycle(edges, comps, c, entry, judged.alwaysEnabled[c]!, fairOf);
  states.push(...cycle.states);
  vias.push(...cycle.vias);
  return { ...base, trace: traceOf(model, graph, states, vias), loopIndex };
}
