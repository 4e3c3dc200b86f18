/**
 * Everything a model file needs, in one object: the field types, choose(),
 * the action builder and model(). `moneysim check ./my-model.ts` hands this
 * kit to the function a model file exports, so a model file can live
 * anywhere on disk without importing moneysim at run time:
 *
 *   import type { Kit } from 'path/to/moneysim/model/kit.ts';   // types only
 *   export default ({ model, int, oneOf, labels, actionsOf, spec }: Kit) => model({ ... });
 *
 * (The `import type` line only gives an editor the types; it is erased
 * before the file runs.) Models inside the repository may import these
 * functions directly instead.
 */
import { choose } from './checker/choice.ts';
import { action, actionsOf, erase, range, spec, type ModelSpec } from './checker/define.ts';
import { array, bool, boolean, ids, int, labels, oneOf, queue, record, setOf, type Shape } from './checker/shape.ts';

/** A constant of a model file: an integer with bounds, or a boolean (`default: true`). */
export interface ConstantInput {
  readonly name: string;
  readonly description?: string;
  readonly default: number | boolean;
  readonly min?: number;
  readonly max?: number;
}

type ConstantValues<C extends readonly ConstantInput[]> = { readonly [K in C[number]['name']]: number };

/** What a model file describes: its constants and how to build the spec from their values. */
export interface ModelFile<C extends readonly ConstantInput[] = readonly ConstantInput[]> {
  /** The name shown in reports; defaults to the file's path. */
  readonly id?: string;
  readonly description?: string;
  readonly constants?: C;
  /** Boolean constants arrive as 1 (TRUE) and 0 (FALSE). */
  readonly build: (constants: ConstantValues<C>) => ModelSpec<Shape>;
}

/** Types a model file's description (the constant names become the keys `build` receives). */
export function model<const C extends readonly ConstantInput[] = []>(def: ModelFile<C>): ModelFile<C> {
  return def;
}

export const kit = { model, spec, erase, action, actionsOf, range, choose, int, oneOf, labels, boolean, bool, record, array, queue, setOf, ids };

export type Kit = typeof kit;
