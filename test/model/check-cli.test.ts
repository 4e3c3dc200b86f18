/**
 * `moneysim check` end to end, in process: exit codes, the human trace and
 * the JSON report, and refusal of bad input with a message naming the flag.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';

let out = '';
let err = '';

beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
});

const run = (...args: string[]) => main(['node', 'moneysim', 'check', ...args]);

describe('moneysim check', () => {
  it('exits 1 on the seed exercise overdraft, with numbered states showing changes', async () => {
    expect(await run('bank-transfer/seed-exercise')).toBe(1);
    expect(out).toContain('Error: Invariant NoOverdraft is violated.');
    expect(out).toContain('State 9: <CashOut>');
    expect(out).toContain('/\\ external = -5');
    expect(out).toContain('Reproduce: npx moneysim check bank-transfer/seed-exercise');
  });

  it('exits 0 when the invariant is skipped and the property holds', async () => {
    expect(await run('bank-transfer/seed-exercise', '--skip', 'NoOverdraft')).toBe(0);
    expect(out).toContain('No error has been found');
  });

  it('prints the JSON report', async () => {
    expect(await run('bank-transfer/naive', '--json')).toBe(1);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ ok: false, model: 'bank-transfer/naive', violation: { property: 'NoOrphanedMoney', kind: 'invariant' } });
    expect(report.violation.trace[0]).toEqual({ action: null, state: expect.any(Object) });
    for (const key of ['distinctStates', 'generatedStates', 'depth', 'statesPerSecond']) expect(typeof report[key]).toBe('number');
  });

  it('names boolean constants as TRUE/FALSE in the header and as JSON booleans', async () => {
    expect(await run('bank-transfer/reference', '--const', 'N=1', '--const', 'LOCK=FALSE', '--skip', 'NoOverdraft')).toBeGreaterThanOrEqual(0);
    expect(out.split('\n')[0]).toMatch(/^Model bank-transfer\/reference with N=1 .*EXPIRY=TRUE .*LOCK=FALSE: /);
    out = '';
    await run('bank-transfer/reference', '--const', 'N=1', '--json');
    expect(JSON.parse(out).constants).toMatchObject({ N: 1, EXPIRY: true, LOCK: true });
  });

  it('reports the temporal properties it checked in JSON', async () => {
    expect(await run('bank-transfer/reference', '--const', 'N=1', '--json')).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, complete: true, propertiesChecked: ['Settles_0'] });
  });

  it('renders traces as mermaid and as ITF JSON', async () => {
    expect(await run('bank-transfer/seed-exercise', '--trace', 'mermaid')).toBe(1);
    expect(out).toContain('sequenceDiagram');
    expect(out).toContain('Coordinator->>External: CashOut');
    out = '';
    expect(await run('bank-transfer/seed-exercise', '--trace', 'json')).toBe(1);
    const itf = JSON.parse(out.slice(out.indexOf('\n{') + 1));
    expect(itf.states).toHaveLength(9);
    expect(itf.states[8].external).toEqual({ '#bigint': '-5' });
  });

  it('exits 1 on the reference model without request expiry, with a replay line keeping the constant', async () => {
    expect(await run('bank-transfer/reference', '--const', 'EXPIRY=FALSE')).toBe(1);
    expect(out).toContain('Error: Invariant NoOrphanedMoney is violated.');
    expect(out).toContain('State 7: <StatusNotApplied(t=0)>');
    expect(out).toContain('Reproduce: npx moneysim check bank-transfer/reference --const EXPIRY=FALSE');
  });

  it('stops cleanly at --max-memory, saying how far it got', async () => {
    expect(await run('bank-transfer/reference', '--const', 'N=2', '--max-memory', '1MB')).toBe(0);
    expect(out).toMatch(/Stopped: stopped at --max-memory 1 MB: \d+ distinct states explored in \d+ MB, the search is incomplete/);
  });

  it('prints the memory the search took per state', async () => {
    expect(await run('bank-transfer/reference', '--const', 'N=1', '--json')).toBe(0);
    expect(JSON.parse(out).memory).toMatchObject({ bytesPerState: expect.any(Number), bytes: expect.any(Number) });
  });

  it('stops cleanly at --max-states', async () => {
    expect(await run('bank-transfer/reference', '--const', 'N=2', '--max-states', '1000')).toBe(0);
    expect(out).toContain('Stopped: stopped at --max-states 1000');
  });

  it.each([
    [['nope'], /unknown model "nope"/],
    [['bank-transfer/naive', '--const', 'X=1'], /--const X: .*no constant X/],
    [['bank-transfer/naive', '--const', 'N=two'], /--const N: value must be an integer/],
    [['bank-transfer/naive', '--const', 'N=99'], /--const N: value 99 is outside 1\.\.4/],
    [['bank-transfer/reference', '--const', 'EXPIRY=maybe'], /--const EXPIRY: value must be TRUE or FALSE/],
    [['bank-transfer/reference', '--const', 'EXPIRY=2'], /--const EXPIRY: value must be TRUE or FALSE, got "2"/],
    [['bank-transfer/naive', '--max-states', '-3'], /--max-states/],
    [['bank-transfer/naive', '--trace', 'xml'], /--trace must be one of/],
    [['bank-transfer/naive', '--max-memory', 'lots'], /--max-memory must be a size such as 2GB/],
    [['bank-transfer/naive', '--depth', '5'], /--depth only applies with --simulate/],
    [['bank-transfer/naive', '--skip', 'Nothing'], /--skip Nothing/],
  ])('refuses %j with exit 2', async (args, message) => {
    expect(await run(...args)).toBe(2);
    expect(err).toMatch(message);
  });

  it('simulates with a seed and prints it in the replay line', async () => {
    expect(await run('bank-transfer/seed-exercise', '--simulate', '--seed', 'x1', '--depth', '20', '--walks', '1000')).toBe(1);
    expect(out).toContain('--simulate --seed x1 --depth 20 --walks 1000');
  });
});

describe('moneysim check output streams and values', () => {
  const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  afterEach(() => {
    if (tty !== undefined) Object.defineProperty(process.stderr, 'isTTY', tty);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
  });

  it('piped: stdout carries the result only, and stderr stays silent', async () => {
    Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
    expect(await run('bank-transfer/seed-exercise')).toBe(1);
    expect(out).toMatch(/^Model bank-transfer\/seed-exercise /);
    expect(out).not.toMatch(/Checking|Progress/);
    expect(err).toBe('');
  });

  it('on a terminal: the status goes to stderr and is erased, stdout is the same', async () => {
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    expect(await run('bank-transfer/seed-exercise')).toBe(1);
    expect(err).toContain('Checking bank-transfer/seed-exercise');
    expect(err.endsWith('\r\u001b[K')).toBe(true);
    expect(out).toMatch(/^Model bank-transfer\/seed-exercise /);
  });

  it('prints booleans as TRUE and FALSE in text, and as JSON booleans in ITF', async () => {
    expect(await run('bank-transfer/reference', '--const', 'EXPIRY=FALSE')).toBe(1);
    expect(out).toContain('/\\ api = <<TRUE, FALSE, FALSE>>');
    expect(out).not.toContain('"FALSE"');
    out = '';
    expect(await run('bank-transfer/reference', '--const', 'EXPIRY=FALSE', '--trace', 'json')).toBe(1);
    const itf = JSON.parse(out.slice(out.indexOf('\n{') + 1));
    expect(itf.states[0].api).toEqual([false, false, false]);
    expect(itf.states[0].work[0]).toBe('idle');
  });
});
