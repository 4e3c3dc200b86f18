/**
 * How a model is written: a state shape, an initial state, named actions with
 * parameters, invariants, temporal properties, weak fairness and a terminal
 * predicate. Everything is a plain function over the typed state view, in the
 * order a TLA+ spec would list it, so a model reads like its spec-tla twin.
 *
 * An action receives the state (already a copy of the current state) and its
 * parameter values; it returns false when it is not enabled, or changes the
 * state and returns true. It must return false before changing anything:
 * the checker reuses the view after a disabled action without recopying it,
 * and checks (unless told to skip the checks for speed) that it was left
 * alone. Inside an action or the initial predicate, `choose(options)` makes
 * a nondeterministic choice; the checker explores every option.
 */
import type { Shape, StateOf } from './shape.ts';

export interface Param {
  readonly name: string;
  readonly values: readonly number[];
  /** How each value prints in a trace label (ids print as p1, p2, ...). */
  readonly shown?: readonly string[];
}

/** A parameter's values: a list of integers, or an ids() domain (every id). */
export type ParamValues = readonly number[] | { readonly all: readonly number[]; readonly values: readonly string[] };

export interface ActionDef<S extends Shape> {
  readonly name: string;
  readonly params: readonly Param[];
  /** Which process takes the step, for traces and sequence diagrams. */
  readonly actor?: string;
  /** The process the step sends to, if any, for sequence diagrams. */
  readonly target?: string;
  readonly run: (s: StateOf<S>, ...params: number[]) => boolean;
}

/** Actions take at most this many parameters; more combinations are better written with choose(). */
export const MAX_PARAMS = 6;

export interface InvariantDef<S extends Shape> {
  readonly name: string;
  readonly description: string;
  readonly holds: (s: StateOf<S>) => boolean;
}

/** `<>[]P`: every fair behaviour eventually stays in P forever. */
export interface EventuallyAlways<S extends Shape> {
  readonly kind: 'eventually-always';
  readonly name: string;
  readonly description: string;
  readonly p: (s: StateOf<S>) => boolean;
}

/** `P ~> Q`: in every fair behaviour, each P state is followed (or accompanied) by a Q state. */
export interface LeadsTo<S extends Shape> {
  readonly kind: 'leads-to';
  readonly name: string;
  readonly description: string;
  readonly p: (s: StateOf<S>) => boolean;
  readonly q: (s: StateOf<S>) => boolean;
}

export type PropertyDef<S extends Shape> = EventuallyAlways<S> | LeadsTo<S>;

/** Weak fairness of the disjunction of the named actions (all parameter values together). */
export interface FairnessDef {
  readonly name: string;
  readonly actions: readonly string[];
}

export interface ModelSpec<S extends Shape> {
  readonly shape: S;
  /**
   * Sets the initial state on a blank one (every variable at its lowest
   * value, booleans FALSE, queues and sets empty). With choose() it describes
   * several initial states; returning false drops that combination.
   */
  readonly init: (s: StateOf<S>) => void | boolean;
  readonly actions: readonly ActionDef<S>[];
  readonly invariants: readonly InvariantDef<S>[];
  readonly properties: readonly PropertyDef<S>[];
  readonly fairness: readonly FairnessDef[];
  /** States in which having no successor is a proper end, not a deadlock. */
  readonly terminal: (s: StateOf<S>) => boolean;
  /** Reduce by the symmetry of the shape's ids() domains (default: true when there are any). */
  readonly symmetry?: boolean;
}

export interface ConstantDecl {
  readonly name: string;
  readonly description: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** A TRUE/FALSE constant, held as 1/0 (min 0, max 1); `--const X=TRUE` and `X=1` both set it. */
  readonly boolean?: true;
}

export type Constants = Readonly<Record<string, number>>;

export interface ModelDef {
  readonly id: string;
  readonly description: string;
  readonly constants: readonly ConstantDecl[];
  // The shape type is erased here so that models with different shapes share one registry.
  readonly build: (constants: Constants) => ModelSpec<Shape>;
}

/** Builds an action definition; parameters are listed as `{ t: [0, 1, 2] }` in positional order. */
export function action<S extends Shape>(
  name: string,
  params: Readonly<Record<string, ParamValues>>,
  run: (s: StateOf<S>, ...params: number[]) => boolean,
  roles: { actor?: string; target?: string } = {},
): ActionDef<S> {
  const list: Param[] = Object.entries(params).map(([n, v]) => (Array.isArray(v) ? { name: n, values: v as readonly number[] } : { name: n, values: (v as { all: readonly number[] }).all, shown: (v as { values: readonly string[] }).values }));
  if (list.length > MAX_PARAMS) throw new Error(`action ${name} has more than ${MAX_PARAMS} parameters (use choose() inside it for more)`);
  for (const p of list) {
    if (!Array.isArray(p.values) || !p.values.every((v) => Number.isSafeInteger(v))) throw new Error(`action ${name}: parameter ${p.name} must list integer values, like { ${p.name}: [0, 1, 2] }`);
  }
  return { name, params: list, run, ...roles };
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

type Optional = 'properties' | 'fairness' | 'terminal' | 'invariants';

/**
 * Erases a concrete shape so a typed model spec can be returned from
 * ModelDef.build. Invariants, properties, fairness and terminal may be left
 * out (none, none, none, and no state is terminal).
 */
// The state type is inferred from `shape` alone; the other fields are checked against it.
export function erase<S extends Shape>(spec: { readonly shape: S } & Omit<ModelSpec<NoInfer<S>>, 'shape' | Optional> & Partial<Pick<ModelSpec<NoInfer<S>>, Optional>>): ModelSpec<Shape> {
  return { invariants: [], properties: [], fairness: [], terminal: () => false, ...spec } as unknown as ModelSpec<Shape>;
}

/** The same as erase(), under the name a model file reads best with. */
export const spec = erase;

/** An `action` function bound to one shape, so that models need not repeat the state type. */
export function actionsOf<S extends Shape>(_shape: S): typeof action<S> {
  return action<S>;
}
