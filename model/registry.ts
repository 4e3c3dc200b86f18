/**
 * The models `moneysim check` and `moneysim list` know, by id. A new model is
 * one ModelDef added to MODELS (and a twin in spec-tla/ with a manifest entry).
 */
import type { ModelDef } from './checker/define.ts';
import { naive } from './bank-transfer/naive.ts';
import { reference } from './bank-transfer/reference.ts';
import { seedExercise } from './bank-transfer/seed-exercise.ts';
import { naive as shardedNaive } from './sharded-transfer/naive.ts';
import { reference as shardedReference } from './sharded-transfer/reference.ts';
import { naive as fundNaive } from './fund-investment/naive.ts';
import { reference as fundReference } from './fund-investment/reference.ts';
import { naive as advancesNaive } from './accounts-advances/naive.ts';
import { reference as advancesReference } from './accounts-advances/reference.ts';

const MODELS: readonly ModelDef[] = [seedExercise, naive, reference, shardedNaive, shardedReference, fundNaive, fundReference, advancesNaive, advancesReference];

export interface ModelListing {
  readonly id: string;
  readonly description: string;
  readonly constants: readonly { readonly name: string; readonly default: number; readonly min: number; readonly max: number; readonly description: string; readonly boolean?: true }[];
}

export function listModels(): ModelListing[] {
  return MODELS.map((m) => ({
    id: m.id,
    description: m.description,
    constants: m.constants.map((c) => ({ name: c.name, default: c.default, min: c.min, max: c.max, description: c.description, ...(c.boolean === true ? { boolean: true as const } : {}) })),
  }));
}

export function getModel(id: string): ModelDef | undefined {
  return MODELS.find((m) => m.id === id);
}
