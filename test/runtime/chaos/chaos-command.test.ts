/**
 * The chaos command end to end, short: the reference design survives a few
 * SIGKILLs under load and the fakes' faults with every invariant holding,
 * and a design with a known hole (the example coordinator never returns
 * money whose credit was refused) is caught. Bad flags are refused with
 * exit 2 before anything starts. The seed is printed in the rerun line.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-harness.ts';

describe('moneysim chaos bank-transfer', () => {
  it('the reference design survives kills and faults: exit 0, every invariant held', async () => {
    const run = await runCli('chaos', 'bank-transfer', '--duration', '10s', '--kills', '4', '--seed', '11', '--no-color');
    console.log(run.out);
    expect(run.code).toBe(0);
    expect(run.out).toContain('kills       4 SIGKILL');
    expect(run.out).toMatch(/ok: no money created or lost/);
    expect(run.out).toContain('rerun: npx moneysim chaos bank-transfer --duration 10s --kills 4 --seed 11');
    const books = /external (\d+) \+ internal (\d+) = (\d+) \(initial (\d+)\)/.exec(run.out);
    expect(books?.[3]).toBe(books?.[4]);
    expect(Number(/presses {5}(\d+)/.exec(run.out)?.[1])).toBeGreaterThan(0);
  }, 120_000);

  it('catches the example coordinator that never sends back money whose credit was refused: exit 1', async () => {
    const run = await runCli('chaos', 'bank-transfer', '--design', './examples/bank-transfer/my-coordinator.ts', '--duration', '10s', '--kills', '3', '--seed', '11', '--no-color');
    console.log(run.out);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/VIOLATION (NoOrphanedMoney|NoMoneyLost)/);
  }, 120_000);

  it('refuses bad flags with exit 2 naming the flag, before starting anything', async () => {
    const cases: Array<[string[], string]> = [
      [['--duration', '60'], '--duration must be a duration'],
      [['--duration', '500ms'], '--duration must be at least 1s'],
      [['--kills', '3', '--kill-every', '1s-2s'], '--kills and --kill-every exclude each other'],
      [['--kill-every', '5s-1s'], "--kill-every: the range's end is below its start"],
      [['--faults', 'lots'], '--faults must be default or none'],
      [['--clients', '0'], '--clients must be at least 1'],
      [['--design', 'nope'], '--design: unknown design "nope"'],
    ];
    for (const [flags, message] of cases) {
      const run = await runCli('chaos', 'bank-transfer', ...flags);
      expect(run.code, flags.join(' ')).toBe(2);
      expect(run.err).toContain(message);
    }
    const other = await runCli('chaos', 'fund-investment');
    expect(other.code).toBe(2);
    expect(other.err).toContain('only bank-transfer runs for real so far');
  });
});
