/**
 * `moneysim check ./my-model.ts`: a model file anywhere on disk. The example
 * in examples/models/ is copied to a temporary directory outside the
 * repository and checked there by the real command (a separate process, as
 * a user runs it) and in process; its constants show in --list and --help;
 * a file that cannot be a model is refused with exit 2 naming the file.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'moneysim-model-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const copy = join(dir, 'seed-003-exercise.ts');
copyFileSync(join(ROOT, 'examples/models/seed-003-exercise.ts'), copy);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('check <model file>', () => {
  it('checks a copy of the example outside the repository, as a separate process', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/moneysim.js'), 'check', copy, '--no-color'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Error: Invariant NeverOverdraft is violated.');
    expect(r.stdout).toContain('State 8: <ExternalTransfer> (BankTransferAction -> External)\n/\\ pc = [BankTransferAction |-> "InternalTransfer", ReversalWorker |-> "DoReversal"]\n/\\ external_balance = -5');
    expect(r.stdout).toContain('State 3: <InternalTransfer(internal="failed")>');
    expect(r.stdout).toContain('/\\ reversal_in_progress = TRUE');
    expect(r.stdout).toContain(`Reproduce: npx moneysim check ${copy}`);
  });

  it('gives the TLC figures of the exercise with the invariant left out', async () => {
    const r = await runCli('check', copy, '--skip', 'NeverOverdraft', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, model: 'seed-003-exercise', distinctStates: 67, generatedStates: 110, depth: 17, propertiesChecked: ['EventuallyConsistentTransfer'] });
  });

  it('takes constants by name and refuses unknown ones', async () => {
    const r = await runCli('check', copy, '--const', 'MASHES=1', '--const', 'BALANCE=10', '--no-color');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Model seed-003-exercise with BALANCE=10 AMOUNT=5 MASHES=1');
    const bad = await runCli('check', copy, '--const', 'PRESSES=1');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--const PRESSES: model seed-003-exercise has no constant PRESSES (known: BALANCE, AMOUNT, MASHES)');
  });

  it('lists what the model declares with --list, and its constants in --help', async () => {
    const list = await runCli('check', copy, '--list');
    expect(list.code).toBe(0);
    expect(list.out).toContain('  MASHES       3      0..6           extra presses UserButtonMash allows');
    expect(list.out).toContain('Actions: ExternalTransfer, InternalTransfer, UserButtonMash, DoReversal.');
    expect(list.out).toContain('Temporal properties: EventuallyConsistentTransfer.');
    const help = await runCli('check', copy, '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: moneysim check [options] [model]');
    expect(help.out).toContain('  BALANCE      10     0..1000        external_balance at the start');
    const general = await runCli('check', '--help');
    expect(general.out).toContain('Built-in models and their constants (defaults):');
    expect(general.out).toContain('bank-transfer/reference  N=3');
  });

  it('accepts boolean constants as TRUE/FALSE and prints them so', async () => {
    const path = file(
      'flag.ts',
      `export default ({ model, spec, actionsOf, boolean }) => model({
  constants: [{ name: 'LOCK', default: true, description: 'take the lock' }],
  build: ({ LOCK }) => {
    const shape = { locked: boolean() };
    const act = actionsOf(shape);
    return spec({ shape, init: (s) => { s.locked = LOCK === 1; }, actions: [act('Flip', {}, (s) => { s.locked = !s.locked; return true; })] });
  },
});
`,
    );
    const list = await runCli('check', path, '--list');
    expect(list.out).toContain('  LOCK         TRUE   TRUE or FALSE  take the lock');
    const r = await runCli('check', path, '--const', 'LOCK=FALSE', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, constants: { LOCK: false }, distinctStates: 2 });
  });

  it.each([
    ['nothing.ts', null, /<model>: no such file ".*nothing\.ts"/],
    ['syntax.ts', 'export default { build( => 1 }', /<model>: cannot load ".*syntax\.ts": [^]*(syntax error|Unexpected|Expected)/],
    ['no-build.ts', 'export default { constants: [] };', /<model>: ".*no-build\.ts": the model has no build\(constants\) function/],
    ['bad-constant.ts', "export default { constants: [{ name: 'N', default: 5, min: 6, max: 9 }], build: () => ({}) };", /constant N: default 5 is outside min\.\.max \(6\.\.9\)/],
    ['not-a-spec.ts', 'export default { build: () => ({ shape: { x: 3 } }) };', /cannot be built with these constants: state variable x is not a field type/],
  ])('refuses %s with exit 2, naming the file', async (name, text, message) => {
    const path = text === null ? join(dir, name) : file(name, text);
    const r = await runCli('check', path);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('refuses an unknown model id with the list of known ones', async () => {
    const r = await runCli('check', 'nope');
    expect(r.code).toBe(2);
    expect(r.err).toContain('<model>: unknown model "nope" (known: bank-transfer/seed-exercise');
  });
});
