/**
 * The exhaustive world's options on the command line: `--option name=value`
 * and the system's alias flags set the same options, bad names and values
 * exit 2 naming the flag, `list` shows them, and replay lines carry them.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.ts';
import { moneysimArgs } from './shell-words.ts';

describe('exhaustive world options', () => {
  it('--option and the alias flags give the same exploration', async () => {
    const a = JSON.parse((await runCli('explore', 'bank-transfer', '--strategy', 'exhaustive', '--max-faults', '1', '--option', 'transfers=1', '--option', 'externalMode=non-idempotent', '--json')).out);
    const b = JSON.parse((await runCli('explore', 'bank-transfer', '--strategy', 'exhaustive', '--max-faults', '1', '--workload', '1', '--external-mode', 'non-idempotent', '--json')).out);
    expect(a.bounds).toMatchObject({ transfers: 1, externalMode: 'non-idempotent' });
    expect(b.schedules).toBe(a.schedules);
    expect(b.events).toBe(a.events);
  });

  const bad: Array<[string[], RegExp]> = [
    [['--option', 'nodes=3'], /--option nodes: this system has no world option "nodes" \(known: transfers, externalMode\)/],
    [['--option', 'transfers=0'], /--option transfers must be between 1 and 8, got 0/],
    [['--option', 'transfers'], /--option expects NAME=VALUE, got "transfers"/],
    [['--external-mode', 'maybe'], /--external-mode must be idempotent or non-idempotent, got "maybe"/],
    [['--workload', '2', '--option', 'transfers=3'], /--workload and --option transfers set the same option/],
  ];
  for (const [args, message] of bad) {
    it(`refuses ${args.join(' ')} with exit 2`, async () => {
      const r = await runCli('explore', 'bank-transfer', '--strategy', 'exhaustive', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    });
  }

  it('an option that shapes only the exhaustive world is refused for random runs, naming the option', async () => {
    expect((await runCli('explore', 'bank-transfer', '--option', 'transfers=1')).err).toMatch(/--option transfers: option "transfers" shapes only the exhaustive world/);
    expect((await runCli('replay', 'bank-transfer', '--seed', '1', '--option', 'transfers=1')).err).toMatch(/--option transfers: option "transfers" shapes only the exhaustive world/);
  });

  it('a printed exhaustive replay line carries the options and reproduces the shrunk run', async () => {
    const r = JSON.parse((await runCli('explore', 'bank-transfer', '--design', 'naive', '--strategy', 'exhaustive', '--max-faults', '1', '--workload', '1', '--shrink-runs', '50', '--json')).out);
    const v = r.violations[0];
    expect(v.shrunk.replay).toMatch(/--world exhaustive --option transfers=1 --option externalMode=idempotent --choices/);
    const again = JSON.parse((await runCli(...moneysimArgs(v.shrunk.replay), '--json')).out);
    expect(again.traceHash).toBe(v.shrunk.traceHash);
  });

  it('list shows the options with their defaults and aliases', async () => {
    const r = await runCli('list');
    expect(r.out).toMatch(/option {3}transfers=2 \(1\.\.8\) .*--option transfers=VALUE, or --workload/);
    const json = JSON.parse((await runCli('list', '--json')).out);
    expect(json.systems[0].worldOptions.map((o: { name: string }) => o.name)).toEqual(['transfers', 'externalMode']);
  });
});
