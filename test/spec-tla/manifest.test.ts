/**
 * spec-tla/manifest.json is honest: each .cfg sets the entry's constants and
 * checks exactly the model's invariants and properties minus the skipped
 * ones, and `moneysim check` reproduces the expected result (distinct-state
 * count and depth, or the violated invariant and trace length). The same
 * expectations are held against TLC in tlc.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../model/run-model.ts';
import { SPEC_DIR, asModelConstants, loadManifest, modelFor, parseCfg } from './manifest.ts';

const entries = loadManifest();
const caseless = (o: Readonly<Record<string, number | boolean>>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toUpperCase(), v]));

describe('spec-tla/manifest.json', () => {
  it.each(entries.map((e) => [e.cfg, e] as const))('%s matches its model', async (_cfg, entry) => {
    const def = await modelFor(entry.model);
    const spec = def.build({ ...Object.fromEntries(def.constants.map((c) => [c.name, c.default])), ...asModelConstants(entry.constants) });
    const cfg = parseCfg(readFileSync(join(SPEC_DIR, entry.cfg), 'utf8'));
    expect(caseless(cfg.constants)).toEqual(caseless(entry.constants));
    expect(cfg.invariants.sort()).toEqual(spec.invariants.map((i) => i.name).filter((n) => !entry.skip.includes(n)).sort());
    // One TLA+ property may stand for a family of model properties (Settles for Settles_0, Settles_1, ...).
    const family = (name: string): string => name.replace(/_\d+$/, '');
    const checkedProperties = [...new Set(spec.properties.map((p) => p.name).filter((n) => !entry.skip.includes(n)).map(family))];
    expect(cfg.properties.sort()).toEqual(checkedProperties.sort());
  });

  it.each(entries.map((e) => [e.cfg, e] as const))('moneysim check agrees on %s', async (_cfg, entry) => {
    const def = await modelFor(entry.model);
    const cfg = parseCfg(readFileSync(join(SPEC_DIR, entry.cfg), 'utf8'));
    const r = checkModel(def, Object.entries(entry.constants).map(([k, v]) => `${k}=${v}`), { skip: [...entry.skip], strict: !entry.slow, checkDeadlock: cfg.checkDeadlock, symmetry: cfg.symmetry !== undefined });
    if (entry.expect.result === 'ok') {
      expect(r.kind).toBe('ok');
      if (r.kind !== 'ok') return;
      expect(r.stats.distinctStates).toBe(entry.expect.distinctStates);
      expect(r.stats.depth).toBe(entry.expect.depth);
      if (entry.expect.generatedStates !== undefined) expect(r.stats.generatedStates).toBe(entry.expect.generatedStates);
    } else {
      expect(r.kind).toBe('violation');
      if (r.kind !== 'violation') return;
      expect(r.violation.property).toBe(entry.expect.property);
      expect(r.violation.trace.length).toBe(entry.expect.traceStates);
    }
  }, 120_000);
});
