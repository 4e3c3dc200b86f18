/**
 * TLA+-style rendering of trace values, shared by the check formatters:
 * booleans as TRUE and FALSE, strings quoted, arrays and queues as
 * <<a, b>>, records as [f |-> v], sets as {a, b}; and the list of variables
 * a step changed.
 */
import type { StateValues, Value } from '../../model/checker/result.ts';

/** A set as a trace carries it: `{ "#set": [...] }`. */
export function setElements(v: Value): readonly Value[] | undefined {
  if (typeof v !== 'object' || Array.isArray(v)) return undefined;
  const elements = (v as Record<string, Value>)['#set'];
  return Array.isArray(elements) ? elements : undefined;
}

export function showValue(v: Value): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return `"${v}"`;
  if (Array.isArray(v)) return `<<${(v as readonly Value[]).map((x) => showValue(x)).join(', ')}>>`;
  const elements = setElements(v);
  if (elements) return `{${elements.map((x) => showValue(x)).join(', ')}}`;
  return `[${Object.entries(v).map(([k, x]) => `${k} |-> ${showValue(x)}`).join(', ')}]`;
}

export function sameValue(a: Value | undefined, b: Value): boolean {
  if (a === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Variables of `state` that differ from `before` (all of them for the first state). */
export function changedVars(before: StateValues | undefined, state: StateValues): string[] {
  return Object.keys(state).filter((k) => before === undefined || !sameValue(before[k], state[k]!));
}

/** A check result's constants as a user writes them; the checker already gives booleans as true/false. */
export function displayConstants(_model: string, constants: Readonly<Record<string, number | boolean>>): Record<string, number | boolean> {
  return { ...constants };
}
