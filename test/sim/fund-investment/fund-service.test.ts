/**
 * The fund service of fund-investment: a reservation holds the last seat
 * against a remittance without one; a reserved remittance is admitted and a
 * repeated key is answered, not applied again, while a keyless repeat is a
 * second remittance; a remittance below the minimum is rejected; a
 * reservation lapses after its time; a repeated reservation of one
 * transaction gets its first answer and holds nothing new; a forced refusal
 * drops the reservation.
 */
import { describe, expect, it } from 'vitest';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { FaultScript, type ForcedCallFault } from '../../../sim/fakes/fault-script.ts';
import { FundService } from '../../../sim/fund-investment/fund-service.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { simTimers } from '../../../sim/kernel/process-ports.ts';
import { calmCalls } from '../../../sim/kit/faulty-call.ts';
import { Network } from '../../../sim/net/network.ts';
import { calmNetwork } from '../../../sim/net/network-options.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

const SEED = 11;

type Step = [method: string, body: object] | ['sleep', number];

async function run(steps: readonly Step[], forced: ForcedCallFault[] = []) {
  const sim = new Simulator(new RandomChoiceSource(SEED), new TraceRecorder(false));
  const net = new Network(sim, { ...calmNetwork });
  const funds = new FundService(sim, sim.addProcess('funds', false), { ...calmCalls, downWindows: [], reservationTtlMs: 1000, refuseProbability: 0 }, new FaultScript(forced), [{ id: 'f', minimumMinor: 100, seats: 1 }]);
  funds.register(net, 'funds');
  const caller = sim.addProcess('node', false);
  const answers: unknown[] = [];
  sim.schedule(0, caller, 'start', null, () => {
    void (async () => {
      for (const [method, body] of steps) {
        if (method === 'sleep') await simTimers(sim, caller).sleep(body as number);
        else {
          const r = await net.call(caller, 'funds', method, body as never, 100);
          answers.push(r.kind === 'reply' ? r.value : r.kind);
        }
      }
    })();
  });
  await sim.run(10_000, 10_000);
  return { funds, answers };
}

const move = (tx: string, investor: string, amountMinor = 100) => ({ fund: 'f', transactionId: tx, investor, amountMinor });
const remit = (tx: string, investor: string, key: string | null) => ['remit', { ...move(tx, investor), key }] as Step;

describe(`FundService (seed ${SEED})`, () => {
  it('a reservation holds the last seat; a keyed repeat is answered, a keyless one remits again', async () => {
    const { funds, answers } = await run([['reserve', move('t1', 'a')], ['reserve', move('t2', 'b')], remit('t2', 'b', null), remit('t1', 'a', 'k1'), remit('t1', 'a', 'k1'), remit('t1', 'a', null), ['criteria', { fund: 'f' }]]);
    expect(answers).toEqual([
      { outcome: 'reserved' },
      { outcome: 'full' },
      { outcome: 'rejected', reason: 'full' },
      { outcome: 'applied', reason: null },
      { outcome: 'applied', reason: null },
      { outcome: 'applied', reason: null },
      { known: true, minimumMinor: 100, seats: 1, seatsTaken: 1 },
    ]);
    expect(funds.ledger.get('t1')).toEqual({ remittedMinor: 200, remittances: 2 });
    expect([...funds.funds.get('f')!.admitted]).toEqual(['a']);
  });

  it('rejects below the minimum; a reservation lapses after its time and frees the seat', async () => {
    const { funds, answers } = await run([['reserve', move('t0', 'a', 99)], ['reserve', move('t1', 'a')], ['sleep', 1500], ['reserve', move('t2', 'b')], remit('t1', 'a', 'k1')]);
    expect(answers).toEqual([{ outcome: 'below-minimum' }, { outcome: 'reserved' }, { outcome: 'reserved' }, { outcome: 'rejected', reason: 'full' }]);
    expect(funds.counts.lapsed).toBe(1);
  });

  it('a repeated reservation gets the first answer: after a release it holds no seat again', async () => {
    const { funds, answers } = await run([['reserve', move('t1', 'a')], ['release', { fund: 'f', transactionId: 't1' }], ['reserve', move('t1', 'a')], ['reserve', move('t2', 'b')]]);
    expect(answers).toEqual([{ outcome: 'reserved' }, { released: true }, { outcome: 'reserved' }, { outcome: 'reserved' }]);
    expect([...funds.funds.get('f')!.reservations.keys()]).toEqual(['t2']);
  });

  it('a forced refusal rejects the remittance for good and drops its reservation; the key keeps that answer', async () => {
    const { funds, answers } = await run([['reserve', move('t1', 'a')], remit('t1', 'a', 'k1'), remit('t1', 'a', 'k1'), ['reserve', move('t2', 'b')]], [{ service: 'funds', method: 'remit', nth: 1, fault: 'reject' }]);
    expect(answers).toEqual([{ outcome: 'reserved' }, { outcome: 'rejected', reason: 'refused' }, { outcome: 'rejected', reason: 'refused' }, { outcome: 'reserved' }]);
    expect(funds.ledger.size).toBe(0);
  });
});
