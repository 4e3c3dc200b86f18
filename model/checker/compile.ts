/**
 * Turns a model spec into what the search loops need: the slot layout, the
 * view factory and the code generated for it, the symmetry (if the shape
 * has ids), and the flat list of action instances (one per action and
 * combination of parameter values), each with its fairness-group bits.
 * Expanding a state is then a loop over instances with no lookups by name.
 */
import { generateCodec, type Codec } from './codec-gen.ts';
import { MAX_PARAMS, type ActionDef, type ModelSpec } from './define.ts';
import { recordTypeId, viewFactory, type View, type ViewFactory } from './facade.ts';
import { computeLayout, type Layout } from './layout.ts';
import type { RecordField, Shape } from './shape.ts';
import { buildSymmetry, type Symmetry } from './symmetry.ts';

export interface Instance {
  readonly action: number;
  /** Parameter values, in declaration order. */
  readonly args: readonly number[];
  /** `Name(p=1, q=2)`, or just `Name` without parameters. */
  readonly label: string;
  /** Bit g is set when this instance belongs to fairness group g. */
  readonly fairMask: number;
}

export interface CompileOptions {
  /** Throw on array reads and writes outside the array (see facade.ts). */
  readonly guardArrays: boolean;
  /** Reduce by the symmetry of ids() domains, when the shape has any and the model does not turn it off. */
  readonly symmetry: boolean;
}

export interface Compiled {
  readonly spec: ModelSpec<Shape>;
  readonly layout: Layout;
  readonly newView: ViewFactory;
  readonly instances: readonly Instance[];
  readonly runs: readonly ActionDef<Shape>['run'][];
  /** Parameter values of instance j at [j * MAX_PARAMS, (j + 1) * MAX_PARAMS), zero-filled. */
  readonly args: Int32Array;
  readonly codec: Codec;
  readonly symmetry: Symmetry | undefined;
  readonly options: CompileOptions;
}

export const DEFAULT_COMPILE: CompileOptions = { guardArrays: true, symmetry: true };

function combinations(values: readonly (readonly number[])[]): number[][] {
  let out: number[][] = [[]];
  for (const vs of values) out = out.flatMap((prefix) => vs.map((v) => [...prefix, v]));
  return out;
}

function fairMaskOf(spec: ModelSpec<Shape>, name: string): number {
  let mask = 0;
  spec.fairness.forEach((f, g) => {
    if (f.actions.includes(name)) mask |= 1 << g;
  });
  return mask;
}

function checkShape(spec: ModelSpec<Shape>): void {
  if (typeof spec !== 'object' || spec === null) throw new Error('build() must return the model spec (shape, init, actions, ...)');
  if (typeof spec.shape !== 'object' || spec.shape === null) throw new Error('the spec has no shape (an object of state variables)');
}

function checkSpec(spec: ModelSpec<Shape>): void {
  if (typeof spec.init !== 'function') throw new Error('the spec has no init(s) function');
  if (!Array.isArray(spec.actions)) throw new Error('the spec has no actions list');
  for (const [what, list] of [['invariants', spec.invariants], ['properties', spec.properties], ['fairness', spec.fairness]] as const) {
    if (!Array.isArray(list)) throw new Error(`the spec's ${what} must be a list`);
  }
  spec.actions.forEach((a, i) => {
    if (typeof a?.name !== 'string' || typeof a.run !== 'function' || !Array.isArray(a.params)) throw new Error(`action ${i + 1} is not an action: build it with act('Name', { params }, (s, ...) => boolean)`);
  });
  spec.invariants.forEach((inv, i) => {
    if (typeof inv?.name !== 'string' || typeof inv.holds !== 'function') throw new Error(`invariant ${i + 1} needs a name and holds: (s) => boolean`);
  });
  const names = new Set(spec.actions.map((a) => a.name));
  if (names.size !== spec.actions.length) throw new Error('two actions share a name');
  if (spec.fairness.length > 30) throw new Error('at most 30 fairness groups are supported');
  for (const f of spec.fairness) {
    for (const a of f.actions) if (!names.has(a)) throw new Error(`fairness ${f.name} names unknown action ${a}`);
  }
}

export function compile(spec: ModelSpec<Shape>, options: CompileOptions = DEFAULT_COMPILE): Compiled {
  checkShape(spec);
  const layout = computeLayout(spec.shape);
  checkSpec(spec);
  const newView = viewFactory(layout, { guardArrays: options.guardArrays });
  const codec = generateCodec(layout, (node) => recordTypeId(node.field as RecordField));
  const instances: Instance[] = [];
  spec.actions.forEach((act, ai) => {
    const fairMask = fairMaskOf(spec, act.name);
    for (const args of combinations(act.params.map((p) => p.values))) {
      const shown = act.params.map((p, i) => `${p.name}=${p.shown?.[args[i]!] ?? args[i]}`).join(', ');
      instances.push({ action: ai, args, label: shown === '' ? act.name : `${act.name}(${shown})`, fairMask });
    }
  });
  const args = new Int32Array(Math.max(1, instances.length * MAX_PARAMS));
  instances.forEach((inst, j) => args.set(inst.args, j * MAX_PARAMS));
  const symmetry = options.symmetry && spec.symmetry !== false ? buildSymmetry(layout) : undefined;
  return { spec, layout, newView, instances, runs: spec.actions.map((a) => a.run), args, codec, symmetry, options };
}

/** Calls instance j's action on view `s` with its parameter values. */
export function runInstance(model: Compiled, j: number, s: View): boolean {
  const a = model.args;
  const k = j * MAX_PARAMS;
  return model.runs[model.instances[j]!.action]!(s as never, a[k]!, a[k + 1]!, a[k + 2]!, a[k + 3]!, a[k + 4]!, a[k + 5]!);
}
