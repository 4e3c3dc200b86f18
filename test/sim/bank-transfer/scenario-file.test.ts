/** Scenario files are validated whole, with messages naming each bad field. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../sim/bank-transfer/scenario-file.ts';

const expect_ = { reference: { ok: true } };

describe('parseScenario', () => {
  it('patches the calm world and keeps the rest', () => {
    const r = parseScenario('s', { description: 'd', world: { external: { mode: 'non-idempotent' } }, expect: expect_ });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.config.external.mode).toBe('non-idempotent');
    expect(r.scenario.config.network.latencyMsMin).toBeGreaterThan(0);
    expect(r.scenario.seed).toBe(1);
  });

  it('names every bad field', () => {
    const r = parseScenario('s', {
      description: 'd',
      colour: 'red',
      world: { network: { lossProbability: 2, latencyMsMax: -1, bogus: 1 }, workload: [{ atMs: 'soon', accountId: 'a', amountMinor: 1, pressAgainMax: 0 }] },
      faults: { calls: [{ service: 'bank', method: 'x', fault: 'explode' }], crashes: [{ restartAfterMs: 1 }] },
      expect: { naive: { ok: false } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'unknown field "colour"',
        '"world.network.lossProbability" must be between 0 and 1',
        '"world.network.latencyMsMax" must be a non-negative integer',
        'unknown field "world.network.bogus"',
        '"world.workload[0].atMs" must be a non-negative integer',
        '"faults.calls[0].service" must be one of external, ledger',
        '"faults.calls[0].fault" must be one of reject, unavailable, error-before, error-after, lose-reply, rate-limit, slow, delay-request, duplicate-request',
        '"faults.crashes[0]" needs exactly one of "on" or "atMs"',
        '"expect.naive.invariant" must name the invariant expected to fail',
      ]),
    );
  });

  it('rejects a non-object', () => {
    expect(parseScenario('s', [1, 2])).toEqual({ ok: false, errors: ['scenario must be a JSON object'] });
  });

  it('accepts a "system" field naming bank-transfer and refuses another', () => {
    expect(parseScenario('s', { system: 'bank-transfer', description: 'd', expect: expect_ }).ok).toBe(true);
    expect(parseScenario('s', { system: 'fund-investment', description: 'd', expect: expect_ })).toEqual({
      ok: false,
      errors: ['"system" must be "bank-transfer" for this file, got "fund-investment"'],
    });
  });

  it('reads a crash tied to an event, before or after the coordinator handles it', () => {
    const crashes = [
      { on: { phase: 'reply', method: 'credit', nth: 1, when: 'after' }, restartAfterMs: 100 },
      { on: { phase: 'store', nth: 2 }, restartAfterMs: 5 },
    ];
    const r = parseScenario('s', { description: 'd', faults: { crashes }, expect: expect_ });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.config.script.crashes.map((c) => c.on?.when)).toEqual(['after', undefined]);
  });

  it('names a bad "when" and unknown fields of "on"', () => {
    const crashes = [{ on: { phase: 'reply', nth: 1, when: 'during', at: 3 }, restartAfterMs: 100 }];
    const r = parseScenario('s', { description: 'd', faults: { crashes }, expect: expect_ });
    expect(r).toEqual({
      ok: false,
      errors: ['"faults.crashes[0].on.when" must be "before" or "after"', 'unknown field "faults.crashes[0].on.at"'],
    });
  });
});

describe('parseScenario: who owns which account', () => {
  const joint = [
    { accountId: 'ext-1', userId: 'user-1', balanceMinor: 3000 },
    { accountId: 'ext-1', userId: 'user-2', balanceMinor: 3000 },
    { accountId: 'ext-2', userId: 'user-1', balanceMinor: 1000 },
  ];
  const plan = (accountId: string, userId?: string) => ({ atMs: 0, accountId, ...(userId === undefined ? {} : { userId }), amountMinor: 100, pressAgainMax: 0 });
  const parse = (accounts: unknown[], workload: unknown[]) => parseScenario('s', { description: 'd', world: { accounts, workload }, expect: expect_ });

  it('accepts a joint account, a user with two accounts, and plans that say who presses', () => {
    const r = parse(joint, [plan('ext-1', 'user-1'), plan('ext-1', 'user-2'), plan('ext-2'), plan('ext-2', 'user-1')]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.config.workload.map((t) => t.userId)).toEqual(['user-1', 'user-2', undefined, 'user-1']);
    expect(r.scenario.config.accounts).toHaveLength(3);
  });

  it('refuses a plan on an unknown account or by a user who does not hold it', () => {
    const r = parse(joint, [plan('ext-9'), plan('ext-2', 'user-2')]);
    expect(r).toEqual({
      ok: false,
      errors: [
        '"world.workload[0].accountId" names account "ext-9", which is not in world.accounts (ext-1, ext-2)',
        '"world.workload[1].userId" names user "user-2", who does not hold account "ext-2" (its users: user-1)',
      ],
    });
  });

  it('refuses disagreeing balances of one account and a user listed twice on it', () => {
    const r = parse([...joint, { accountId: 'ext-1', userId: 'user-3', balanceMinor: 50 }, { accountId: 'ext-2', userId: 'user-1', balanceMinor: 1000 }], [plan('ext-1')]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      '"world.accounts[3].balanceMinor" is 50 but account "ext-1" was listed with 3000; a joint account has one balance, so every entry must state it',
      '"world.accounts[4]" lists user "user-1" on account "ext-2" twice',
    ]);
  });

  it('refuses an empty userId in a plan', () => {
    const r = parse(joint, [plan('ext-1', '')]);
    expect(r).toEqual({ ok: false, errors: ['"world.workload[0].userId" must be a non-empty string'] });
  });
});
