/** A design that throws is reported with its message and the frames in the design's own code. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeThrown } from '../../../sim/kit/describe-thrown.ts';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { bankTransferSystem } from '../../../sim/systems/bank-transfer-system.ts';

describe('CoordinatorError', () => {
  it('keeps the message and drops frames of the simulator', () => {
    const err = new Error('boom');
    err.stack = 'Error: boom\n    at explode (/home/u/design.ts:2:9)\n    at run (/repo/sim/kernel/simulator.ts:10:1)\n    at node:internal/process/task_queues:95:5';
    expect(describeThrown(err)).toBe('boom\n    at explode (/home/u/design.ts:2:9)');
    expect(describeThrown('plain')).toBe('plain');
  });

  it('a design outside the repository that throws shows where in its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moneysim-throw-'));
    const file = join(dir, 'thrower.ts');
    writeFileSync(file, [
      'function explode(amount: number): never {',
      '  throw new Error(`cannot move ${amount}`);',
      '}',
      'export const design = {',
      "  name: 'thrower', description: '',",
      "  create: () => ({ start() {}, heldInMemory: () => [], async transfer(req: { amountMinor: number }) { return explode(req.amountMinor); }, async status(id: string) { return { status: 'PENDING' as const, transferId: id }; } }),",
      '  durableObligations: () => [],',
      '};',
    ].join('\n'));
    const loaded = await bankTransferSystem.loadDesign(file);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const r = await bankTransferSystem.run({ design: loaded.design, seed: 1, choice: new RandomChoiceSource(1), keepTrace: false });
    expect(r.kind).toBe('violation');
    if (r.kind !== 'violation') return;
    expect(r.violation.invariant).toBe('CoordinatorError');
    expect(r.violation.message).toMatch(/transfer threw: cannot move \d+\n {4}at explode \(.*thrower\.ts:2:9\)/);
  });
});
