/**
 * The flags that shape bank-transfer's HTTP fakes, shared by `fakes` and
 * `serve` (which starts the fakes itself unless given their URLs): how many
 * accounts, their opening balance and the seed of the fault draws, plus the
 * TCP port parser both commands use.
 */
import { parseNonNegativeInt, parsePositiveInt, type Parsed } from './parse-int.ts';

export interface FakesFlagValues {
  accounts: number;
  balanceMinor: number;
  seed: number;
}

export function parseFakesFlags(opts: { accounts?: string; balanceMinor?: string; seed?: string }): Parsed<FakesFlagValues> {
  const accounts = parsePositiveInt(opts.accounts, '--accounts', 8);
  if (!accounts.ok) return accounts;
  const balance = parseNonNegativeInt(opts.balanceMinor, '--balance-minor', 1_000_000);
  if (!balance.ok) return balance;
  const seed = parseNonNegativeInt(opts.seed, '--seed', 1);
  if (!seed.ok) return seed;
  return { ok: true, value: { accounts: accounts.value, balanceMinor: balance.value, seed: seed.value } };
}

export function parsePort(raw: string | undefined, flag: string, fallback: number): Parsed<number> {
  if (raw === undefined) return { ok: true, value: fallback };
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > 65535) return { ok: false, message: `${flag} must be a TCP port between 0 and 65535, got "${raw}"` };
  return { ok: true, value: Number(raw) };
}
