/** Healing ends every fault: after it, no rate of the network or the fakes is left above zero. */
import { describe, expect, it } from 'vitest';
import { ReplayChoiceSource } from '../../../sim/choice/replay-choice-source.ts';
import { ExternalInstitution } from '../../../sim/fakes/external-institution.ts';
import { calmExternal } from '../../../sim/fakes/external-options.ts';
import { FaultScript } from '../../../sim/fakes/fault-script.ts';
import { InternalLedger } from '../../../sim/fakes/internal-ledger.ts';
import { calmLedger } from '../../../sim/fakes/ledger-options.ts';
import { Simulator } from '../../../sim/kernel/simulator.ts';
import { Network } from '../../../sim/net/network.ts';
import { calmNetwork } from '../../../sim/net/network-options.ts';
import { TraceRecorder } from '../../../sim/trace/trace-recorder.ts';
import { healWorld } from '../../../sim/bank-transfer/heal.ts';

const probabilities = (o: object): Array<[string, number]> =>
  Object.entries(o).filter(([k, v]) => k.endsWith('Probability') && typeof v === 'number') as Array<[string, number]>;

describe('healWorld', () => {
  it('sets every fault probability of the network, the institution and the ledger to zero', () => {
    const sim = new Simulator(new ReplayChoiceSource([]), new TraceRecorder(false));
    const all = (o: object) => Object.fromEntries(probabilities(o).map(([k]) => [k, 0.5]));
    const net = new Network(sim, { ...calmNetwork, ...all(calmNetwork) });
    const script = new FaultScript([]);
    const external = new ExternalInstitution(sim, { ...calmExternal, ...all(calmExternal), downWindows: [{ fromMs: 0, toMs: 10 }] }, script, []);
    const ledger = new InternalLedger(sim, { ...calmLedger, ...all(calmLedger) }, script);
    healWorld(net, external, ledger);
    for (const o of [net.options, external.options, ledger.options]) {
      for (const [k, v] of probabilities(o)) expect([k, v]).toEqual([k, 0]);
    }
    expect(external.options.downWindows).toEqual([]);
  });
});
