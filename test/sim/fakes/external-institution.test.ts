/**
 * The fake institution's books: idempotent versus non-idempotent references,
 * request expiry, undo, status, overdraft refusal, and 5xx after applying.
 */
import { describe, expect, it } from 'vitest';
import { ReplayChoiceSource } from '../../../sim/choice/replay-choice-source.ts';
import { ExternalInstitution } from '../../../sim/fakes/external-institution.ts';
import { calmExternal, type ExternalOptions } from '../../../sim/fakes/external-options.ts';
import { FaultScript, type ForcedCallFault } from '../../../sim/fakes/fault-script.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

function bank(options: Partial<ExternalOptions> = {}, rules: ForcedCallFault[] = []) {
  const sim = new Simulator(new ReplayChoiceSource([]), new TraceRecorder(false));
  const ext = new ExternalInstitution(sim, { ...calmExternal, downWindows: [], ...options }, new FaultScript(rules), [['a', 10]]);
  const value = (method: string, body: object) => {
    const r = ext.handle(method, body as never).reply;
    return r.kind === 'reply' ? r.value : r.code;
  };
  return { sim, ext, value };
}

describe('ExternalInstitution', () => {
  it('idempotent mode: a repeated reference returns the first result and moves nothing more', () => {
    const { ext, value } = bank();
    expect(value('cashOut', { reference: 'r', accountId: 'a', amountMinor: 4 })).toEqual({ status: 'APPLIED' });
    expect(value('cashOut', { reference: 'r', accountId: 'a', amountMinor: 4 })).toEqual({ status: 'APPLIED' });
    expect(ext.balances.get('a')).toBe(6);
    expect(value('status', { reference: 'r' })).toEqual({ applied: 1, undone: 0 });
  });

  it('non-idempotent mode: a repeated reference applies again', () => {
    const { ext, value } = bank({ mode: 'non-idempotent' });
    value('cashOut', { reference: 'r', accountId: 'a', amountMinor: 4 });
    value('cashOut', { reference: 'r', accountId: 'a', amountMinor: 4 });
    expect(ext.balances.get('a')).toBe(2);
    expect(ext.netDebitedMinor('r')).toBe(8);
  });

  it('refuses an overdraft unless negative balances are allowed', () => {
    expect(bank().value('cashOut', { reference: 'r', accountId: 'a', amountMinor: 11 })).toEqual({ status: 'REJECTED', code: 'INSUFFICIENT_FUNDS' });
    const loose = bank({ allowNegativeBalance: true });
    expect(loose.value('cashOut', { reference: 'r', accountId: 'a', amountMinor: 11 })).toEqual({ status: 'APPLIED' });
    expect(loose.ext.balances.get('a')).toBe(-1);
  });

  it('refuses an expired request unapplied', () => {
    const { sim, ext, value } = bank();
    sim.now = 50;
    expect(value('cashOut', { reference: 'r', accountId: 'a', amountMinor: 4, expiresAtMs: 40 })).toEqual({ status: 'REJECTED', code: 'EXPIRED' });
    expect(ext.balances.get('a')).toBe(10);
  });

  it('undo returns the money once; status counts it', () => {
    const { ext, value } = bank();
    value('cashOut', { reference: 'r', accountId: 'a', amountMinor: 4 });
    expect(value('undo', { reference: 'r' })).toEqual({ status: 'UNDONE' });
    expect(value('undo', { reference: 'r' })).toEqual({ status: 'UNDONE' });
    expect(ext.balances.get('a')).toBe(10);
    expect(value('undo', { reference: 'unknown' })).toEqual({ status: 'NOT_FOUND' });
  });

  it('a forced 5xx after applying moves the money and answers SERVER_ERROR', () => {
    const { ext, value } = bank({}, [{ service: 'external', method: 'cashOut', nth: 1, fault: 'error-after' }]);
    expect(value('cashOut', { reference: 'r', accountId: 'a', amountMinor: 4 })).toBe('SERVER_ERROR');
    expect(ext.balances.get('a')).toBe(6);
  });

  it('is UNAVAILABLE during a down window', () => {
    const { sim, value } = bank({ downWindows: [{ fromMs: 0, toMs: 100 }] });
    expect(value('status', { reference: 'r' })).toBe('UNAVAILABLE');
    sim.now = 100;
    expect(value('status', { reference: 'r' })).toEqual({ applied: 0, undone: 0 });
  });
});
