/**
 * The model registry that `moneysim check` and `moneysim list` use: unique
 * ids, defaults within bounds, and every model builds and compiles with its
 * defaults and with its smallest constants, and checks without a modelling
 * error at the smallest.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../model/checker/compile.ts';
import { getModel, listModels } from '../../model/registry.ts';
import { checkModel } from './run-model.ts';

describe('model registry', () => {
  const listed = listModels();

  it('lists the bank-transfer models with unique ids', () => {
    const ids = listed.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['bank-transfer/seed-exercise', 'bank-transfer/naive', 'bank-transfer/reference']));
    expect(getModel('bank-transfer/none')).toBeUndefined();
  });

  it.each(listed.map((m) => [m.id]))('%s builds with its defaults and its smallest constants', (id) => {
    const def = getModel(id)!;
    for (const c of def.constants) {
      expect(c.default).toBeGreaterThanOrEqual(c.min);
      expect(c.default).toBeLessThanOrEqual(c.max);
    }
    for (const pick of [(c: { default: number }) => c.default, (c: { min: number }) => c.min]) {
      const model = compile(def.build(Object.fromEntries(def.constants.map((c) => [c.name, pick(c)]))));
      expect(model.instances.length).toBeGreaterThan(0);
      expect(model.spec.invariants.length).toBeGreaterThan(0);
    }
    const smallest = def.constants.map((c) => `${c.name}=${c.min}`);
    const r = checkModel(def, smallest, { maxStates: 200_000 });
    expect(r.kind === 'model-error' ? r.message : r.kind).not.toBe('model-error');
    expect(r.kind).not.toBe('model-error');
  });
});
