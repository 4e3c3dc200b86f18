/**
 * Turns a model spec into what the search loops need: the slot layout, a
 * typed view factory, and the flat list of action instances (one per action
 * and combination of parameter values), each with its fairness-group bits.
 * Expanding a state is then a loop over instances with no lookups by name.
 */
import { generateCodec, type Codec } from './codec-gen.ts';
import type { ActionDef, ModelSpec } from './define.ts';
import { facadeFactory, type FacadeFactory } from './facade.ts';
import { blank, computeLayout, type Layout } from './layout.ts';
import type { Shape } from './shape.ts';

export interface Instance {
  readonly action: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** `Name(p=1, q=2)`, or just `Name` without parameters. */
  readonly label: string;
  /** Bit g is set when this instance belongs to fairness group g. */
  readonly fairMask: number;
}

export interface Compiled {
  readonly spec: ModelSpec<Shape>;
  readonly layout: Layout;
  readonly view: FacadeFactory<Shape>;
  readonly instances: readonly Instance[];
  readonly runs: readonly ActionDef<Shape>['run'][];
  readonly initBuffer: Int32Array;
  /** Packing code specialised to the layout. */
  readonly codec: Codec;
}

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

function checkNames(spec: ModelSpec<Shape>): void {
  const names = new Set(spec.actions.map((a) => a.name));
  if (names.size !== spec.actions.length) throw new Error('two actions share a name');
  if (spec.fairness.length > 30) throw new Error('at most 30 fairness groups are supported');
  for (const f of spec.fairness) {
    for (const a of f.actions) if (!names.has(a)) throw new Error(`fairness ${f.name} names unknown action ${a}`);
  }
}

export function compile(spec: ModelSpec<Shape>): Compiled {
  checkNames(spec);
  const layout = computeLayout(spec.shape);
  const view = facadeFactory<Shape>(layout);
  const instances: Instance[] = [];
  spec.actions.forEach((act, ai) => {
    const fairMask = fairMaskOf(spec, act.name);
    for (const args of combinations(act.params.map((p) => p.values))) {
      const shown = act.params.map((p, i) => `${p.name}=${args[i]}`).join(', ');
      instances.push({
        action: ai,
        a: args[0] ?? 0,
        b: args[1] ?? 0,
        c: args[2] ?? 0,
        label: shown === '' ? act.name : `${act.name}(${shown})`,
        fairMask,
      });
    }
  });
  const initBuffer = new Int32Array(layout.width);
  blank(layout, initBuffer);
  spec.init(view(initBuffer));
  return { spec, layout, view, instances, runs: spec.actions.map((a) => a.run), initBuffer, codec: generateCodec(layout) };
}
