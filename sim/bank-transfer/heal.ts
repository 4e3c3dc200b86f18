/**
 * Partition windows during the fault phase, and the end of the fault phase:
 * every fault rate drops to zero, partitions and downtime end, and a crashed
 * coordinator restarts, so that only liveness remains to be shown.
 */
import type { ExternalInstitution } from '../fakes/external-institution.ts';
import type { InternalLedger } from '../fakes/internal-ledger.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network } from '../net/network.ts';
import type { PartitionWindow } from './world-config.ts';

export function schedulePartitions(sim: Simulator, control: SimProcess, net: Network, windows: readonly PartitionWindow[]): void {
  for (const w of windows) {
    const [a, b] = w.between;
    sim.schedule(w.fromMs, control, 'partition', () => {
      net.partitions.cut(a, b);
      sim.trace.record(sim.steps, sim.now, 'fault', a, b, `partition ${a} | ${b}`);
    }, null, { phase: 'control' });
    sim.schedule(w.toMs, control, 'partition heals', () => {
      net.partitions.heal(a, b);
      sim.trace.record(sim.steps, sim.now, 'fault', a, b, `partition ${a} | ${b} heals`);
    }, null, { phase: 'control' });
  }
}

export function healWorld(sim: Simulator, net: Network, external: ExternalInstitution, ledger: InternalLedger, api: SimProcess): void {
  net.options = { ...net.options, lossProbability: 0, duplicateProbability: 0, slowProbability: 0, lateRequestProbability: 0 };
  net.partitions.healAll();
  external.options = {
    ...external.options,
    downWindows: [],
    unavailableProbability: 0,
    errorBeforeProbability: 0,
    errorAfterProbability: 0,
    lostReplyProbability: 0,
    slowProbability: 0,
  };
  ledger.options = { ...ledger.options, rejectProbability: 0, rateLimitProbability: 0, lostReplyProbability: 0, slowProbability: 0 };
  // A crashed coordinator already has a restart planned; bring it forward to now.
  if (!api.up) sim.hooks?.onCrash(api);
}
