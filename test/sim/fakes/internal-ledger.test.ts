/** The fake internal store: credits keyed by transfer id, permanent rejection, rate limiting. */
import { describe, expect, it } from 'vitest';
import { ReplayChoiceSource } from '../../../sim/choice/replay-choice-source.ts';
import { FaultScript, type ForcedCallFault } from '../../../sim/fakes/fault-script.ts';
import { InternalLedger } from '../../../sim/fakes/internal-ledger.ts';
import { calmLedger } from '../../../sim/fakes/ledger-options.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

function ledger(rules: ForcedCallFault[] = []) {
  const sim = new Simulator(new ReplayChoiceSource([]), new TraceRecorder(false));
  const l = new InternalLedger(sim, { ...calmLedger }, new FaultScript(rules));
  const credit = (id: string) => {
    const r = l.handle('credit', { transferId: id, userId: 'u', amountMinor: 7 }).reply;
    return r.kind === 'reply' ? r.value : r.code;
  };
  return { l, credit };
}

describe('InternalLedger', () => {
  it('credits once per transfer id', () => {
    const { l, credit } = ledger();
    expect(credit('t')).toEqual({ status: 'CREDITED' });
    expect(credit('t')).toEqual({ status: 'CREDITED' });
    expect(l.balances.get('u')).toBe(7);
    expect(l.creditedMinor('t')).toBe(7);
  });

  it('a rejection is permanent for that transfer id', () => {
    const { l, credit } = ledger([{ service: 'ledger', method: 'credit', nth: 1, fault: 'reject' }]);
    expect(credit('t')).toEqual({ status: 'REJECTED', code: 'ANTIFRAUD' });
    expect(credit('t')).toEqual({ status: 'REJECTED', code: 'ANTIFRAUD' });
    expect(l.creditedMinor('t')).toBe(0);
  });

  it('rate limiting refuses without applying, and a retry can succeed', () => {
    const { l, credit } = ledger([{ service: 'ledger', method: 'credit', nth: 1, fault: 'rate-limit' }]);
    expect(credit('t')).toBe('RATE_LIMITED');
    expect(l.creditedMinor('t')).toBe(0);
    expect(credit('t')).toEqual({ status: 'CREDITED' });
  });
});
