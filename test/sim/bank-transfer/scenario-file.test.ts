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
        '"faults.calls[0].fault" must be one of reject, error-before, error-after, lose-reply, rate-limit, slow, delay-request, duplicate-request',
        '"faults.crashes[0]" needs exactly one of "on" or "atMs"',
        '"expect.naive.invariant" must name the invariant expected to fail',
      ]),
    );
  });

  it('rejects a non-object', () => {
    expect(parseScenario('s', [1, 2])).toEqual({ ok: false, errors: ['scenario must be a JSON object'] });
  });
});
