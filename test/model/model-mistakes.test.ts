/**
 * Modelling mistakes end the check with exit 1, a message naming the action
 * and what it did wrong, and the trace to the state where it happened,
 * instead of a silently wrong state count: a write before returning false,
 * an index outside an array or queue, a read of a field that does not
 * exist, a value of the wrong kind, a misspelt field, an exception thrown
 * by model code, a missing return. Each model is a file in a temporary
 * directory outside the repository, checked by path.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'moneysim-mistakes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A counter that takes two steps (Step, then Step) before the action under
 * test, `Mistake`, becomes enabled at count 2; so every trace below has
 * three states.
 */
function modelWith(name: string, mistake: string, extraShape = ''): string {
  const path = join(dir, `${name}.ts`);
  writeFileSync(
    path,
    `export default ({ model, spec, actionsOf, int, labels, oneOf, array, queue, boolean }) => model({
  build: () => {
    const Pc = labels('idle', 'busy');
    const shape = { pc: oneOf(Pc), count: int(0, 3), slots: array(2, int(0, 3)), done: boolean(), q: queue(2, int(0, 3)) ${extraShape} };
    const act = actionsOf(shape);
    return spec({
      shape,
      init: (s) => { s.pc = Pc.idle; },
      actions: [
        act('Step', {}, (s) => { if (s.count >= 2) return false; s.count += 1; return true; }),
        act('Mistake', { i: [0, 1] }, (s, i) => { if (s.count !== 2 || s.done) return false; ${mistake} }),
      ],
      terminal: () => true,
    });
  },
});
`,
  );
  return path;
}

async function mistake(name: string, body: string): Promise<{ code: number; out: string; err: string }> {
  return runCli('check', modelWith(name, body), '--no-color');
}

/** The trace is the three states Init, Step, Step, ending at count = 2. */
function expectTrace(out: string): void {
  expect(out).toContain('The behavior up to the state where it happened is:');
  expect(out).toContain('State 1: <Initial predicate>');
  expect(out).toContain('State 3: <Step>\n/\\ count = 2');
  expect(out).not.toContain('State 4:');
  expect(out).toMatch(/Reproduce: npx moneysim check \S+\.ts/);
}

describe('modelling mistakes are errors with a trace', () => {
  it('an action that changes the state and then returns false', async () => {
    const r = await mistake('leak', `s.pc = Pc.busy; if (i === 0) return false; s.done = true; return true;`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Error: modelling mistake in');
    expect(r.out).toContain('action Mistake(i=0) changed pc (from "idle" to "busy") and then returned false: an action must return false before changing anything');
    expectTrace(r.out);
  });

  it('a read outside an array', async () => {
    const r = await mistake('index', `s.count = s.slots[i + 1] + 1; s.done = true; return true;`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('action Mistake(i=1) threw RangeError: slots[2]: index outside 0..1');
    expectTrace(r.out);
  });

  it('a write outside an array', async () => {
    const r = await mistake('index-write', `s.slots[i + 1] = 1; s.done = true; return true;`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('action Mistake(i=1) threw RangeError: slots[2]: index outside 0..1');
    expectTrace(r.out);
  });

  it('a queue read past its end', async () => {
    const r = await mistake('queue', `s.count = s.q.at(i); s.done = true; return true;`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('action Mistake(i=0) threw RangeError: q.at(0): index outside 0..-1');
    expectTrace(r.out);
  });

  it('a read of a field that does not exist', async () => {
    const r = await mistake('undefined-read', `s.count = s.cuont - 1; s.done = true; return true;`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('action Mistake(i=0) threw TypeError: the state has no variable "cuont" (variables: pc, count, slots, done, q)');
    expectTrace(r.out);
  });

  it('a string written into an enum field', async () => {
    const r = await mistake('string-enum', `s.pc = 'busy'; s.done = true; return true;`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('action Mistake(i=0) sets pc to the string "busy"; pc is an enum (idle, busy) held as numbers: assign a value of its labels() object, not a name');
    expectTrace(r.out);
  });

  it('a number written into a boolean field', async () => {
    const r = await mistake('number-boolean', `s.done = 1; return true;`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('action Mistake(i=0) sets done to the number 1; done is a boolean (true or false)');
    expectTrace(r.out);
  });

  it('a misspelt field written', async () => {
    const r = await mistake('misspelt', `s.dnoe = true; return true;`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('action Mistake(i=0) threw TypeError: assignment to "dnoe": the state has no variable "dnoe" (variables: pc, count, slots, done, q)');
    expectTrace(r.out);
  });

  it('a value outside its declared range', async () => {
    const r = await mistake('range', `s.count = 4; s.done = true; return true;`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('action Mistake(i=0) sets count to 4, outside its declared range; count is an integer in 0..3');
    expectTrace(r.out);
  });

  it('an exception thrown by model code, with the frame in the model file', async () => {
    const r = await mistake('throws', `throw new Error('not modelled yet');`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('action Mistake(i=0) threw Error: not modelled yet');
    expect(r.out).toMatch(/at .*throws\.ts:\d+:\d+/);
    expectTrace(r.out);
  });

  it('an action that forgets to return', async () => {
    const r = await mistake('no-return', `s.done = true;`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('action Mistake(i=0) returned undefined instead of true (it took a step) or false (it is not enabled)');
    expectTrace(r.out);
  });

  it('puts the message and the trace in the JSON report', async () => {
    const r = await runCli('check', modelWith('json', `s.pc = 'busy'; return true;`), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ ok: false, error: expect.stringContaining('sets pc to the string "busy"') });
    expect(report.trace.map((s: { action: string | null }) => s.action)).toEqual([null, 'Step', 'Step']);
    expect(report.trace[2].state).toMatchObject({ count: 2, pc: 'idle', done: false, slots: [0, 0], q: [] });
  });

  it('--fast leaves out the array guard and the disabled-action check, nothing else', async () => {
    const leak = await runCli('check', modelWith('fast-leak', `s.pc = Pc.busy; if (i === 0) return false; s.done = true; return true;`), '--fast');
    expect(leak.code).toBe(0);
    const wrongKind = await runCli('check', modelWith('fast-kind', `s.pc = 'busy'; s.done = true; return true;`), '--fast');
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.out).toContain('sets pc to the string "busy"');
  });
});
