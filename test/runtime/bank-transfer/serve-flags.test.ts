/** `serve` and `fakes` refuse bad flags with exit 2 and a message naming the flag, before starting anything. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli-harness.ts';

describe('serve and fakes flags', () => {
  it('refuses bad flags by name', async () => {
    const cases: Array<[string[], string]> = [
      [['serve', 'bank-transfer', '--port', '70000'], '--port must be a TCP port'],
      [['serve', 'bank-transfer', '--fakes-port', 'x'], '--fakes-port must be a TCP port'],
      [['serve', 'bank-transfer', '--database', 'mysql://db'], '--database must be pglite, pglite:DIR, embedded, embedded:DIR or a postgres:// URL'],
      [['serve', 'bank-transfer', '--database', 'embedded:'], '--database must be pglite, pglite:DIR, embedded, embedded:DIR or a postgres:// URL'],
      [['serve', 'bank-transfer', '--external-url', 'http://127.0.0.1:1/external'], '--external-url and --ledger-url go together'],
      [['serve', 'bank-transfer', '--external-url', 'x', '--ledger-url', 'http://h/ledger'], '--external-url must be an http:// URL'],
      [['serve', 'bank-transfer', '--design', './no-such-design.ts'], '--design: no such file'],
      [['serve', 'bank-transfer', '--accounts', '0'], '--accounts must be at least 1'],
      [['serve', 'sharded-transfer'], 'only bank-transfer runs for real so far'],
      [['fakes', 'bank-transfer', '--port', '-1'], '--port must be a TCP port'],
      [['fakes', 'bank-transfer', '--balance-minor', '1.5'], '--balance-minor must be a non-negative integer'],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err, args.join(' ')).toContain(message);
    }
  });
});
