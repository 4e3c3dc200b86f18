/**
 * Every spec in spec-tla/ parses with the TLA+ tree-sitter grammar, and
 * declares the same variables and defines the same actions as its model.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { SPEC_DIR, loadManifest, modelFor } from './manifest.ts';

const require = createRequire(import.meta.url);
let parser: Parser;

beforeAll(async () => {
  await Parser.init();
  const wasm = require.resolve('@tlaplus/tree-sitter-tlaplus/tree-sitter-tlaplus.wasm');
  parser = new Parser();
  parser.setLanguage(await Language.load(wasm));
});

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? specFiles(join(dir, e.name)).map((f) => join(e.name, f)) : e.name.endsWith('.tla') ? [e.name] : []));
}

function nodesOfType(root: Node, type: string): Node[] {
  const found: Node[] = [];
  const visit = (n: Node): void => {
    if (n.type === type) found.push(n);
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(root);
  return found;
}

function parse(file: string): Node {
  const tree = parser.parse(readFileSync(join(SPEC_DIR, file), 'utf8'));
  if (!tree) throw new Error(`no parse tree for ${file}`);
  return tree.rootNode;
}

describe('spec-tla', () => {
  const files = specFiles(SPEC_DIR);

  it('notices a broken spec (the check is not vacuous)', () => {
    const tree = parser.parse('---- MODULE Broken ----\nVARIABLE x\nInit == x = \nNext == /\\ x\' = \n====\n');
    expect(tree?.rootNode.hasError).toBe(true);
  });

  it('has specs', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s parses without errors', (file) => {
    const root = parse(file);
    const errors = [...nodesOfType(root, 'ERROR'), ...nodesOfType(root, 'MISSING')];
    expect(errors.map((e) => `${e.startPosition.row + 1}:${e.startPosition.column + 1}`)).toEqual([]);
    expect(root.hasError).toBe(false);
  });

  it.each(loadManifest().map((e) => [e.spec, e.model] as const))('%s declares the variables and actions of %s', async (spec, modelId) => {
    const root = parse(spec);
    const variables = nodesOfType(root, 'variable_declaration').flatMap((d) => d.namedChildren.filter((c) => c?.type === 'identifier').map((c) => c!.text));
    const definitions = nodesOfType(root, 'operator_definition').map((d) => d.childForFieldName('name')?.text);
    const def = await modelFor(modelId);
    const spec0 = def.build(Object.fromEntries(def.constants.map((c) => [c.name, c.default])));
    expect(new Set(variables)).toEqual(new Set(Object.keys(spec0.shape)));
    for (const a of spec0.actions) expect(definitions).toContain(a.name);
    for (const inv of spec0.invariants) expect(definitions).toContain(inv.name);
  });
});
