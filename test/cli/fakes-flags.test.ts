/** The fakes' flags and the port, as `serve` and `fakes` parse them: defaults, and bad values named. */
import { describe, expect, it } from 'vitest';
import { parseFakesFlags, parsePort } from '../../cli/args/fakes-flags.ts';

describe('parseFakesFlags and parsePort', () => {
  it('fills in the defaults and takes given values', () => {
    expect(parseFakesFlags({})).toEqual({ ok: true, value: { accounts: 8, balanceMinor: 1_000_000, seed: 1 } });
    expect(parseFakesFlags({ accounts: '3', balanceMinor: '0', seed: '9' })).toEqual({ ok: true, value: { accounts: 3, balanceMinor: 0, seed: 9 } });
    expect(parsePort(undefined, '--port', 8081)).toEqual({ ok: true, value: 8081 });
    expect(parsePort('0', '--port', 8081)).toEqual({ ok: true, value: 0 });
  });

  it('names the flag of a bad value', () => {
    expect(parseFakesFlags({ accounts: '0' })).toMatchObject({ ok: false, message: expect.stringContaining('--accounts') });
    expect(parseFakesFlags({ balanceMinor: '1.5' })).toMatchObject({ ok: false, message: expect.stringContaining('--balance-minor') });
    expect(parseFakesFlags({ seed: 'x' })).toMatchObject({ ok: false, message: expect.stringContaining('--seed') });
    for (const bad of ['65536', '-1', 'http', '99999999999999999999']) {
      expect(parsePort(bad, '--fakes-port', 8081)).toMatchObject({ ok: false, message: expect.stringContaining('--fakes-port must be a TCP port') });
    }
  });
});
