/**
 * Partition windows of the fault phase: at `fromMs` the network stops
 * carrying messages between the two processes, at `toMs` it carries them
 * again. Control events, so that explorers see them as touching everything.
 */
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { Network } from '../net/network.ts';
import type { PartitionWindow } from './fault-options.ts';

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
