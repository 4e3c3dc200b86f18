/**
 * Modelling mistakes the checker catches while it runs a model's code, as
 * values, and the message that explains each one to the model's author:
 * an exception thrown by model code (a misspelt field, an index outside an
 * array, a full queue, or the model's own error), a value of the wrong kind
 * or out of its declared range, an action that changed the state and then
 * returned false, and an action that returned something other than a
 * boolean. The search stops at the first one and reports it with the trace
 * that led to the state where it happened.
 */
import type { Compiled } from './compile.ts';
import { showStored, storedOf } from './element-domain.ts';
import { describe } from './facade.ts';
import type { ScalarField } from './shape.ts';

export type FaultSite =
  | { readonly kind: 'action'; readonly instance: number }
  | { readonly kind: 'init' }
  | { readonly kind: 'invariant'; readonly name: string }
  | { readonly kind: 'terminal' }
  | { readonly kind: 'property'; readonly name: string };

export type ModelFault =
  | { readonly kind: 'exception'; readonly site: FaultSite; readonly error: unknown }
  | { readonly kind: 'value'; readonly site: FaultSite; readonly slot: number; readonly value: unknown }
  | { readonly kind: 'structure'; readonly site: FaultSite; readonly message: string }
  | { readonly kind: 'leak'; readonly site: FaultSite; readonly slot: number; readonly before: unknown; readonly after: unknown }
  | { readonly kind: 'return'; readonly site: FaultSite; readonly value: unknown };

export function siteName(model: Compiled, site: FaultSite): string {
  switch (site.kind) {
    case 'action':
      return `action ${model.instances[site.instance]!.label}`;
    case 'init':
      return 'the initial predicate (init)';
    case 'invariant':
      return `invariant ${site.name}`;
    case 'terminal':
      return 'the terminal predicate';
    case 'property':
      return `property ${site.name}`;
  }
}

function kindName(f: ScalarField | undefined): string {
  if (f === undefined) return 'value';
  if (f.kind === 'boolean') return 'a boolean (true or false)';
  if (f.kind === 'int') return `an integer in ${f.lo}..${f.hi}`;
  if (f.legacyBool) return 'a boolean held as 1 (TRUE) or 0 (FALSE)';
  if (f.symmetric !== undefined) return `an id (${f.values.join(', ')}), held as a number 0..${f.values.length - 1}`;
  return `an enum (${f.values.join(', ')}) held as numbers: assign a value of its labels() object, not a name`;
}

function shownValue(f: ScalarField | undefined, v: unknown): string {
  if (f !== undefined) {
    const stored = storedOf(f, v);
    if (stored !== undefined) return showStored(f, stored);
  }
  return describe(v);
}

function valueProblem(f: ScalarField | undefined, v: unknown): string {
  if (v === undefined) return 'undefined (a read of a field or index that does not exist, or a missing return value?)';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN (arithmetic on undefined: a read of a field or index that does not exist?)';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  if (typeof v === 'boolean' && f?.kind !== 'boolean') return `${v} (a boolean)`;
  if (typeof v === 'number' && !Number.isInteger(v)) return `${v}, not an integer`;
  if (typeof v === 'number' && f?.kind === 'boolean') return `the number ${v}`;
  if (typeof v === 'number' && f !== undefined) return `${v}, outside its declared range`;
  return describe(v);
}

/** The message for a fault, naming where it happened and what to change. */
export function faultMessage(model: Compiled, fault: ModelFault): string {
  const where = siteName(model, fault.site);
  switch (fault.kind) {
    case 'exception':
      return `${where} threw ${errorText(fault.error)}`;
    case 'value': {
      const slot = model.layout.slots[fault.slot]!;
      return `${where} sets ${slot.path} to ${valueProblem(slot.field, fault.value)}; ${slot.path} is ${kindName(slot.field)}`;
    }
    case 'structure':
      return `${where}: ${fault.message}`;
    case 'leak': {
      const slot = model.layout.slots[fault.slot]!;
      return `${where} changed ${slot.path} (from ${shownValue(slot.field, fault.before)} to ${shownValue(slot.field, fault.after)}) and then returned false: an action must return false before changing anything, or the change leaks into the next action's successor`;
    }
    case 'return':
      return `${where} returned ${describe(fault.value)} instead of true (it took a step) or false (it is not enabled)`;
  }
}

/**
 * An error's name and message, plus the frames of the model's own code (not
 * the checker's). `bare` leaves out the name of a plain Error.
 */
export function errorText(error: unknown, bare = false): string {
  if (!(error instanceof Error)) return describe(error);
  const all = (error.stack ?? '')
    .split('\n')
    .map((l) => /^\s+at (.*)$/.exec(l)?.[1])
    .filter((f): f is string => f !== undefined);
  // The model's own frames are on top; from the first checker frame down, the stack is the checker's.
  const end = all.findIndex((f) => /[\\/]model[\\/]checker[\\/]/.test(f));
  const frames = all.slice(0, end < 0 ? all.length : end).filter((f) => !/node:|node_modules|eval at/.test(f));
  const head = bare && error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
  return frames.length === 0 ? head : `${head}\n${frames.slice(0, 3).map((f) => `    at ${f.replace(/file:\/\//g, '')}`).join('\n')}`;
}
