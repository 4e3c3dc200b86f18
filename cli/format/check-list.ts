/**
 * `moneysim check <model> --list` (and `check <model> --help`): what a model
 * declares, built with its default constants: its constants with defaults
 * and bounds, variables, actions with their parameters, invariants,
 * temporal properties, fairness and symmetry. Pure: returns lines, or a
 * JSON-ready object.
 */
import type { ConstantDecl, ModelDef, ModelSpec } from '../../model/checker/define.ts';
import type { Shape } from '../../model/checker/shape.ts';
import { symmetricGroups } from '../../model/checker/symmetry.ts';
import { computeLayout } from '../../model/checker/layout.ts';

export interface ModelListingView {
  readonly model: string;
  readonly description: string;
  readonly constants: readonly { name: string; default: number | boolean; min?: number; max?: number; description: string }[];
  readonly variables?: readonly string[];
  readonly actions?: readonly string[];
  readonly invariants?: readonly string[];
  readonly properties?: readonly string[];
  readonly fairness?: readonly string[];
  readonly symmetry?: readonly string[];
  /** Why the spec could not be built with the default constants. */
  readonly buildError?: string;
}

function constantView(c: ConstantDecl): ModelListingView['constants'][number] {
  return c.boolean === true ? { name: c.name, default: c.default === 1, description: c.description } : { name: c.name, default: c.default, min: c.min, max: c.max, description: c.description };
}

export function modelListing(def: ModelDef): ModelListingView {
  const base = { model: def.id, description: def.description, constants: def.constants.map(constantView) };
  let spec: ModelSpec<Shape>;
  try {
    spec = def.build(Object.fromEntries(def.constants.map((c) => [c.name, c.default])));
    return {
      ...base,
      variables: Object.keys(spec.shape),
      actions: spec.actions.map((a) => (a.params.length === 0 ? a.name : `${a.name}(${a.params.map((p) => p.name).join(', ')})`)),
      invariants: spec.invariants.map((i) => i.name),
      properties: (spec.properties ?? []).map((p) => p.name),
      fairness: (spec.fairness ?? []).map((f) => `WF(${f.actions.join(' \\/ ')})`),
      symmetry: [...symmetricGroups(computeLayout(spec.shape))].map(([name, size]) => `${name} (${size} ids)`),
    };
  } catch (err) {
    return { ...base, buildError: err instanceof Error ? err.message : String(err) };
  }
}

function constantLine(c: ModelListingView['constants'][number]): string {
  const value = typeof c.default === 'boolean' ? (c.default ? 'TRUE' : 'FALSE') : String(c.default);
  const range = typeof c.default === 'boolean' ? 'TRUE or FALSE' : `${c.min}..${c.max}`;
  return `  ${c.name.padEnd(12)} ${value.padEnd(6)} ${range.padEnd(14)} ${c.description}`;
}

export function modelListingLines(v: ModelListingView): string[] {
  const out = [`Model ${v.model}${v.description ? `: ${v.description}` : ''}`];
  if (v.constants.length === 0) out.push('Constants: none.');
  else out.push('Constants (set with --const NAME=VALUE; default, allowed values):', ...v.constants.map(constantLine));
  if (v.buildError !== undefined) {
    out.push(`The model cannot be built with its default constants: ${v.buildError}`);
    return out;
  }
  const list = (label: string, items: readonly string[] | undefined): void => {
    out.push(`${label}: ${items && items.length > 0 ? items.join(', ') : 'none'}.`);
  };
  list('Variables', v.variables);
  list('Actions', v.actions);
  list('Invariants', v.invariants);
  list('Temporal properties', v.properties);
  list('Fairness', v.fairness);
  if (v.symmetry && v.symmetry.length > 0) list('Symmetry', v.symmetry);
  return out;
}
