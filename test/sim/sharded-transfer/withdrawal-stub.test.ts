/**
 * The withdrawal service of seed 000: idempotent by id while it remembers;
 * a stateless service forgets every withdrawal on restart (status unknown,
 * and a second submission pays again), a durable one keeps its records;
 * every answer carries the boot and the boot since which it remembers.
 */
import { describe, expect, it } from 'vitest';
import type { WithdrawalAnswer } from '../../../impl/sharded-transfer/contract.ts';
import { RandomChoiceSource } from '../../../sim/choice/random-choice-source.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { simTimers } from '../../../sim/kernel/process-ports.ts';
import { Network } from '../../../sim/net/network.ts';
import { calmNetwork } from '../../../sim/net/network-options.ts';
import { WithdrawalStub } from '../../../sim/sharded-transfer/withdrawal-stub.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';

const SEED = 5;
const T = 100;

async function scenario(mode: 'stateless' | 'durable') {
  const sim = new Simulator(new RandomChoiceSource(SEED), new TraceRecorder(false));
  const net = new Network(sim, { ...calmNetwork });
  const stub = new WithdrawalStub(sim, sim.addProcess('stub', true), { mode, completionMsMin: 50, completionMsMax: 50, failProbability: 0, paidDespiteRestartProbability: 0 });
  stub.register(net, 'stub');
  const caller = sim.addProcess('node', false);
  const sleep = (ms: number) => simTimers(sim, caller).sleep(ms);
  const answers: WithdrawalAnswer[] = [];
  const call = async (method: string, body: object) => {
    const r = await net.call<WithdrawalAnswer>(caller, 'stub', method, body as never, T);
    if (r.kind === 'reply') answers.push(r.value);
  };
  sim.schedule(0, caller, 'start', null, () => {
    void (async () => {
      await call('submit', { withdrawalId: 'w1', payee: 'payee-1', amountMinor: 100 });
      await call('submit', { withdrawalId: 'w1', payee: 'payee-1', amountMinor: 100 });
      await sleep(100);
      await call('status', { withdrawalId: 'w1' });
      stub.restart();
      await call('status', { withdrawalId: 'w1' });
      await call('submit', { withdrawalId: 'w1', payee: 'payee-1', amountMinor: 100 });
      await sleep(100);
    })();
  });
  await sim.run(10_000, 10_000);
  return { stub, answers };
}

describe(`WithdrawalStub (seed ${SEED})`, () => {
  it('stateless: a repeated submission is one payout until a restart; after it the id is unknown and pays again', async () => {
    const { stub, answers } = await scenario('stateless');
    expect(answers.map((a) => a.state)).toEqual(['processing', 'processing', 'completed', 'unknown', 'processing']);
    expect(answers.map((a) => [a.boot, a.rememberedSinceBoot])).toEqual([[1, 1], [1, 1], [1, 1], [2, 2], [2, 2]]);
    expect(stub.paid.map((p) => p.withdrawalId)).toEqual(['w1', 'w1']);
    expect(stub.counts.duplicatePayouts).toBe(1);
  });

  it('durable: the record survives the restart, and the boot since which it remembers stays 1', async () => {
    const { stub, answers } = await scenario('durable');
    expect(answers.map((a) => a.state)).toEqual(['processing', 'processing', 'completed', 'completed', 'completed']);
    expect(answers.at(-1)).toEqual({ state: 'completed', boot: 2, rememberedSinceBoot: 1 });
    expect(stub.paid).toHaveLength(1);
  });
});
