/**
 * The investor service of fund-investment: an idempotent service answers a
 * repeated withdrawal key with its first answer and applies nothing, a
 * non-idempotent one applies it again; a request past its expiry is
 * refused unapplied; a lookup counts applications; a refund is idempotent
 * by key; a withdrawal never overdraws; the balance history answers the
 * lowest balance over a span of time.
 */
import { describe, expect, it } from 'vitest';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { FaultScript } from '../../../sim/fakes/fault-script.ts';
import { InvestorService } from '../../../sim/fund-investment/investor-service.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { simTimers } from '../../../sim/kernel/process-ports.ts';
import { calmCalls } from '../../../sim/kit/faulty-call.ts';
import { Network } from '../../../sim/net/network.ts';
import { calmNetwork } from '../../../sim/net/network-options.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

const SEED = 7;
const T = 100;

async function scenario(mode: 'idempotent' | 'non-idempotent') {
  const sim = new Simulator(new RandomChoiceSource(SEED), new TraceRecorder(false));
  const net = new Network(sim, { ...calmNetwork, latencyMsMin: 2, latencyMsMax: 2 });
  const service = new InvestorService(sim, sim.addProcess('investors', false), { ...calmCalls, downWindows: [], mode }, new FaultScript([]), [{ id: 'inv-1', balanceMinor: 250 }]);
  service.register(net, 'investors');
  const changed: string[] = [];
  service.onBalanceChange = (investor) => changed.push(investor);
  service.scheduleTopUps([{ atMs: 500, investor: 'inv-1', amountMinor: 100 }]);
  const caller = sim.addProcess('node', false);
  const answers: unknown[] = [];
  const call = async (method: string, body: object) => {
    const r = await net.call(caller, 'investors', method, body as never, T);
    answers.push(r.kind === 'reply' ? r.value : r.kind);
  };
  const withdraw = { transactionId: 't1', investor: 'inv-1', amountMinor: 100, key: 't1:w', expiresAtMs: null };
  sim.schedule(0, caller, 'start', null, () => {
    void (async () => {
      await call('withdraw', withdraw);
      await call('withdraw', withdraw);
      await call('lookup', { key: 't1:w' });
      await call('withdraw', { ...withdraw, key: 't2:w', transactionId: 't2', amountMinor: 300 });
      await call('withdraw', { ...withdraw, key: 't3:w', transactionId: 't3', expiresAtMs: 1 });
      await call('refund', { transactionId: 't1', investor: 'inv-1', amountMinor: 100, key: 't1:r' });
      await call('refund', { transactionId: 't1', investor: 'inv-1', amountMinor: 100, key: 't1:r' });
      await simTimers(sim, caller).sleep(1000);
      await call('balance', { investor: 'inv-1' });
    })();
  });
  await sim.run(10_000, 10_000);
  return { service, answers, changed };
}

describe(`InvestorService (seed ${SEED})`, () => {
  it('idempotent: a repeated key is answered, not applied; expiry, overdraft and a repeated refund key are refused', async () => {
    const { service, answers, changed } = await scenario('idempotent');
    expect(answers).toEqual([
      { outcome: 'applied' },
      { outcome: 'applied' },
      { applied: 1 },
      { outcome: 'insufficient' },
      { outcome: 'expired' },
      { outcome: 'applied' },
      { outcome: 'applied' },
      { known: true, balanceMinor: 350 },
    ]);
    expect(service.ledger.get('t1')).toEqual({ withdrawnMinor: 100, refundedMinor: 100 });
    expect(service.ledger.has('t2')).toBe(false);
    expect(service.toppedUpMinor).toBe(100);
    // Every change of the balance is told (for the cache): the withdrawal, the refund, the top-up.
    expect(changed).toEqual(['inv-1', 'inv-1', 'inv-1']);
  });

  it('non-idempotent: a repeated key applies again and the lookup counts both', async () => {
    const { service, answers } = await scenario('non-idempotent');
    expect(answers.slice(0, 3)).toEqual([{ outcome: 'applied' }, { outcome: 'applied' }, { applied: 2 }]);
    expect(service.ledger.get('t1')).toEqual({ withdrawnMinor: 200, refundedMinor: 100 });
    expect(service.counts.appliedAgain).toBe(1);
    expect(answers.at(-1)).toEqual({ known: true, balanceMinor: 250 });
  });

  it('answers the lowest balance an investor had between two instants', async () => {
    const { service } = await scenario('non-idempotent');
    // 250 at 0, 150 and 50 after the two withdrawals, 150 after the refund, 250 after the top-up at 500.
    expect(service.lowestBalance('inv-1', 0, 1)).toBe(250);
    expect(service.lowestBalance('inv-1', 0, 100)).toBe(50);
    expect(service.lowestBalance('inv-1', 600, 900)).toBe(250);
    expect(service.lowestBalance('inv-1', 400, 600)).toBe(150);
  });
});
