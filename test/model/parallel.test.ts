/**
 * --workers: the search on several threads sharing one visited set finds
 * exactly the states, depth and shortest-trace length of the single-threaded
 * search, grows the shared set while the workers wait, reports a violation
 * or a modelling mistake found on a worker with its trace, and refuses what
 * it cannot do (temporal properties, random walks).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConstants } from '../../model/checker/constants.ts';
import { prepare, runCheck, runCheckParallel } from '../../model/checker/run.ts';
import { getModel } from '../../model/registry.ts';
import { runCli } from '../support/cli-harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'moneysim-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check --workers 2', () => {
  it('agrees with one worker on every count, with the visited set grown many times', async () => {
    const def = getModel('bank-transfer/reference')!;
    const c = resolveConstants(def, ['N=2']);
    if (!c.ok) throw new Error(c.message);
    const p = prepare(def, c.value, ['Settles_0', 'Settles_1']);
    if (!p.ok) throw new Error(p.message);
    const one = runCheck(p.value, { mode: { kind: 'exhaustive' }, maxStates: 1e7 });
    const two = await runCheckParallel(p.value, { mode: { kind: 'exhaustive' }, maxStates: 1e7, workers: 2, model: 'bank-transfer/reference', fast: false, symmetry: true, setCapacity: 1024 });
    expect(one.kind).toBe('ok');
    expect(two.kind).toBe('ok');
    if (one.kind !== 'ok' || two.kind !== 'ok') return;
    expect(two.stats.distinctStates).toBe(one.stats.distinctStates);
    expect(two.stats.generatedStates).toBe(one.stats.generatedStates);
    expect(two.stats.depth).toBe(one.stats.depth);
    // Which action reaches a state first can differ between threads; how often each fires cannot.
    expect(two.stats.coverage.map((c) => c.fired)).toEqual(one.stats.coverage.map((c) => c.fired));
  }, 60_000);

  it('checks a model file on the workers, symmetry included', async () => {
    const r = await runCli('check', join(ROOT, 'examples/models/shared-account.ts'), '--const', 'LOCK=TRUE', '--const', 'CLIENTS=4', '--no-deadlock', '--workers', '2', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ distinctStates: 21, generatedStates: 33, depth: 11 });
  }, 60_000);

  it('reports a violation with a shortest trace', async () => {
    const r = await runCli('check', join(ROOT, 'examples/models/seed-003-exercise.ts'), '--skip', 'EventuallyConsistentTransfer', '--workers', '2', '--no-color');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Error: Invariant NeverOverdraft is violated.');
    expect(r.out).toContain('State 8: <ExternalTransfer>');
    expect(r.out).not.toContain('State 9:');
  }, 60_000);

  it('reports a modelling mistake made on a worker, with its trace', async () => {
    const path = join(dir, 'faulty.ts');
    writeFileSync(
      path,
      `export default ({ model, spec, actionsOf, int }) => model({
  build: () => {
    const shape = { x: int(0, 3) };
    const act = actionsOf(shape);
    return spec({ shape, init: () => {}, actions: [act('Up', {}, (s) => { if (s.x === 2) throw new Error('two'); if (s.x === 3) return false; s.x += 1; return true; })], terminal: () => true });
  },
});
`,
    );
    const r = await runCli('check', path, '--workers', '2', '--no-color');
    expect(r.code).toBe(1);
    expect(r.out).toContain('action Up threw Error: two');
    expect(r.out).toContain('State 3: <Up>\n/\\ x = 2');
  }, 60_000);

  it('refuses temporal properties and random walks', async () => {
    const live = await runCli('check', 'bank-transfer/seed-exercise', '--skip', 'NoOverdraft', '--workers', '2');
    expect(live.code).toBe(2);
    expect(live.err).toContain('--workers: temporal properties need the whole state graph on one thread; skip them (--skip EventuallyConsistent) or use one worker');
    const walks = await runCli('check', 'bank-transfer/seed-exercise', '--simulate', '--workers', '2');
    expect(walks.code).toBe(2);
    expect(walks.err).toContain('--workers applies to the exhaustive search, not --simulate');
  });
});
