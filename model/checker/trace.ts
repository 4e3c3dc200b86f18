/**
 * Turning packed states back into readable values for traces: enums by name,
 * arrays and queues as lists, in the order the shape declares them.
 */
import { unpack } from './codec.ts';
import type { Compiled } from './compile.ts';
import type { StateGraph } from './graph.ts';
import type { StateValues, TraceStep, Value } from './result.ts';

function scalar(v: number, values: readonly string[] | undefined): number | string {
  return values ? (values[v] ?? v) : v;
}

export function readState(model: Compiled, buf: Int32Array): StateValues {
  const out: Record<string, Value> = {};
  for (const f of model.layout.fields) {
    const field = f.field;
    switch (field.kind) {
      case 'int':
        out[f.name] = buf[f.offset]!;
        break;
      case 'enum':
        out[f.name] = scalar(buf[f.offset]!, field.values);
        break;
      case 'array': {
        const names = field.of.kind === 'enum' ? field.of.values : undefined;
        out[f.name] = Array.from(buf.subarray(f.offset, f.offset + f.slots), (v) => scalar(v, names));
        break;
      }
      case 'queue': {
        const names = field.of.kind === 'enum' ? field.of.values : undefined;
        const len = buf[f.offset]!;
        out[f.name] = Array.from(buf.subarray(f.offset + 1, f.offset + 1 + len), (v) => scalar(v, names));
        break;
      }
    }
  }
  return out;
}

export function stateAt(model: Compiled, graph: StateGraph, index: number): StateValues {
  const buf = new Int32Array(model.layout.width);
  unpack(model.layout, graph.store, index * graph.words, buf);
  return readState(model, buf);
}

export function stepFor(model: Compiled, instance: number, state: StateValues): TraceStep {
  if (instance < 0) return { action: null, state };
  const inst = model.instances[instance]!;
  const def = model.spec.actions[inst.action]!;
  return {
    action: inst.label,
    ...(def.actor !== undefined ? { actor: def.actor } : {}),
    ...(def.target !== undefined ? { target: def.target } : {}),
    state,
  };
}

/** The trace along state indices, each labelled by the action instance that led into it. */
export function traceOf(model: Compiled, graph: StateGraph, path: readonly number[], vias: readonly number[]): TraceStep[] {
  return path.map((index, k) => stepFor(model, vias[k]!, stateAt(model, graph, index)));
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
