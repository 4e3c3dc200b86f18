/** The scenario catalog keeps each malformed file as an error of its own and loads the rest. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, readCatalog, findBankTransferScenario } from '../../../sim/bank-transfer/scenario-catalog.ts';

const dir = mkdtempSync(join(tmpdir(), 'moneysim-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const good = { description: 'fine', expect: { reference: { ok: true } } };
writeFileSync(join(dir, 'a-good.json'), JSON.stringify(good));
writeFileSync(join(dir, 'b-bad-json.json'), '{\n  "description": "x",\n}\n');
writeFileSync(join(dir, 'c-bad-field.json'), JSON.stringify({ ...good, world: { network: { lossProbability: 2 } } }));
writeFileSync(join(dir, 'd-good.json'), JSON.stringify({ ...good, seed: 7 }));
writeFileSync(join(dir, 'notes.txt'), 'not a scenario');

describe('readCatalog', () => {
  const catalog = readCatalog(dir);

  it('loads every good file, in name order', () => {
    expect(catalog.scenarios.map((s) => [s.name, s.seed])).toEqual([['a-good', 1], ['d-good', 7]]);
  });

  it('keeps one error per bad file, naming the file and the line or field', () => {
    expect(catalog.errors.map((e) => e.name)).toEqual(['b-bad-json', 'c-bad-field']);
    expect(catalog.errors[0]!.file).toBe(join(dir, 'b-bad-json.json'));
    expect(catalog.errors[0]!.message).toMatch(/^not valid JSON: .* at line 3, column 1$/);
    expect(catalog.errors[1]!.message).toBe('"world.network.lossProbability" must be between 0 and 1');
  });
});

describe('loadScenarioFile', () => {
  it('registers a good file under its path for runs to find', () => {
    const path = join(dir, 'd-good.json');
    const loaded = loadScenarioFile(path);
    expect(loaded.ok).toBe(true);
    expect(findBankTransferScenario(path)?.seed).toBe(7);
  });

  it('reports a missing file and a directory by the path as given', () => {
    expect(loadScenarioFile(join(dir, 'none.json'))).toMatchObject({ ok: false, error: { file: join(dir, 'none.json'), message: 'no such file' } });
    expect(loadScenarioFile(dir)).toMatchObject({ ok: false, error: { message: 'is a directory, not a scenario file' } });
  });
});
