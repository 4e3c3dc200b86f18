/**
 * Turning states back into readable values for traces (enums by name,
 * booleans as booleans, arrays and queues as lists, records as objects,
 * sets as `{ "#set": [...] }`), and traces that a reader can follow.
 *
 * The search stores one packed state per state (per symmetry class, with
 * ids) and, per state, the action instance that first reached it. A trace is
 * replayed from its initial state: each step re-runs the recorded action on
 * the previous concrete state and keeps the successor that matches the next
 * stored state, so that with symmetry the ids stay consistent from step to
 * step and every step's label names the choices its action made.
 */
import { sameWords } from './codec.ts';
import type { Compiled } from './compile.ts';
import { Expander } from './expander.ts';
import { describe, type View } from './facade.ts';
import type { StateGraph } from './graph.ts';
import type { LayoutNode } from './layout.ts';
import type { StateValues, TraceStep, Value } from './result.ts';
import type { ScalarField } from './shape.ts';

function scalarValue(f: ScalarField, v: unknown): Value {
  if (f.kind === 'boolean') return v === true;
  if (f.kind === 'enum') return f.legacyBool ? v === 1 || v === true : (f.values[v as number] ?? (v as number));
  return v as number;
}

function nodeValue(node: LayoutNode, v: unknown): Value {
  switch (node.kind) {
    case 'scalar':
      return scalarValue(node.field, v);
    case 'record': {
      const out: Record<string, Value> = {};
      for (const m of node.members) out[m.name] = nodeValue(m.node, (v as View)[m.name]);
      return out;
    }
    case 'array':
      return node.items.map((item, i) => nodeValue(item, (v as unknown[])[i]));
    case 'queue': {
      const q = v as { $n: number; $items: unknown[] };
      return node.items.slice(0, q.$n).map((item, i) => nodeValue(item, q.$items[i]));
    }
    case 'set': {
      const bits = (v as { $bits: number[] }).$bits;
      const elements: Value[] = [];
      bits.forEach((b, i) => {
        if (b === 1) elements.push(elementValue(node, i));
      });
      return { '#set': elements };
    }
  }
}

function elementValue(node: Extract<LayoutNode, { kind: 'set' }>, index: number): Value {
  const decoded = node.domain.decode(index);
  const parts = node.domain.parts;
  if (parts.length === 1 && parts[0]!.name === undefined) return scalarValue(parts[0]!.field, decoded);
  const out: Record<string, Value> = {};
  for (const p of parts) out[p.name!] = scalarValue(p.field, (decoded as Record<string, unknown>)[p.name!]);
  return out;
}

export function readState(model: Compiled, view: View): StateValues {
  return nodeValue(model.layout.root, view) as StateValues;
}

export function stateAt(model: Compiled, graph: StateGraph, index: number): StateValues {
  const view = model.newView();
  model.codec.unpack(graph.store, index * graph.words, view);
  return readState(model, view);
}

export function stepFor(model: Compiled, instance: number, state: StateValues, label?: string): TraceStep {
  if (instance < 0) return { action: null, state };
  const inst = model.instances[instance]!;
  const def = model.spec.actions[inst.action]!;
  return {
    action: label ?? inst.label,
    ...(def.actor !== undefined ? { actor: def.actor } : {}),
    ...(def.target !== undefined ? { target: def.target } : {}),
    state,
  };
}

function shownChoice(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    return `[${Object.entries(v).map(([k, x]) => `${k} |-> ${shownChoice(x)}`).join(', ')}]`;
  }
  return describe(v);
}

function labelWith(model: Compiled, instance: number, choices: readonly { name: string | undefined; value: unknown }[]): string {
  const inst = model.instances[instance]!;
  if (choices.length === 0) return inst.label;
  const def = model.spec.actions[inst.action]!;
  const params = def.params.map((p, i) => `${p.name}=${p.shown?.[inst.args[i]!] ?? inst.args[i]}`);
  const picked = choices.map((c) => (c.name === undefined ? shownChoice(c.value) : `${c.name}=${shownChoice(c.value)}`));
  return `${def.name}(${[...params, ...picked].join(', ')})`;
}

/**
 * The trace through the given stored states, replayed concretely: each step
 * re-runs its recorded action (any action, under symmetry) from the previous
 * concrete state and keeps the successor whose class is the stored state.
 */
export function replayTrace(model: Compiled, states: readonly Uint32Array[], vias: readonly number[]): TraceStep[] {
  const K = model.layout.words;
  const ex = new Expander(model, false);
  ex.reduce = false;
  const view = model.newView();
  const read = (packed: Uint32Array): StateValues => {
    model.codec.unpack(packed, 0, view);
    return readState(model, view);
  };
  let here: Uint32Array = states[0]!.slice();
  const steps: TraceStep[] = [stepFor(model, -1, read(here))];
  const canon = new Uint32Array(K);
  for (let k = 1; k < states.length; k++) {
    const target = states[k]!;
    let found: { packed: Uint32Array; instance: number; label: string } | undefined = undefined as { packed: Uint32Array; instance: number; label: string } | undefined;
    const attempt = (from: number, to: number): void => {
      ex.load(here, 0);
      ex.expand((j) => {
        canon.set(ex.packed);
        model.symmetry?.canonicalize(canon, 0);
        if (!sameWords(canon, 0, target, 0, K)) return true;
        found = { packed: ex.packed.slice(), instance: j, label: labelWith(model, j, ex.chooser.current()) };
        return false;
      }, from, to);
    };
    const via = vias[k]!;
    if (via >= 0) attempt(via, via + 1);
    if (!found && model.symmetry !== undefined) attempt(0, model.instances.length);
    if (found) {
      here = found.packed;
      steps.push(stepFor(model, found.instance, read(here), found.label));
    } else {
      // Cannot happen for a deterministic model; show the stored state rather than nothing.
      here = target.slice();
      steps.push(stepFor(model, via, read(here)));
    }
  }
  return steps;
}

/** The trace along state indices, each labelled by the action instance that led into it. */
export function traceOf(model: Compiled, graph: StateGraph, path: readonly number[], vias: readonly number[]): TraceStep[] {
  const K = graph.words;
  return replayTrace(
    model,
    path.map((i) => graph.store.subarray(i * K, (i + 1) * K)),
    vias,
  );
}

/** The shortest trace to a state, following parent pointers. */
export function shortestTrace(model: Compiled, graph: StateGraph, path: readonly number[]): TraceStep[] {
  return traceOf(
    model,
    graph,
    path,
    path.map((i) => graph.via[i]!),
  );
}
