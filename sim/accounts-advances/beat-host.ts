/**
 * The beat process's schedule: each incarnation of the beat arms the kit's
 * periodic beat when it boots, so a crashed beat is silent until it comes
 * back, and then ticks again at the next multiple of its interval (as a
 * cron re-reads its schedule), not at once. The first boot may tick
 * earlier (`beatFirstAtMs`, for short worlds). A tick that throws is the
 * design's fault, reported like any other.
 */
import type { Beat } from '../../impl/accounts-advances/contract.ts';
import type { Simulator } from '../kernel/simulator.ts';
import { describeThrown } from '../kit/describe-thrown.ts';
import type { DesignHost } from '../kit/design-host.ts';
import { armBeat } from '../kit/periodic-beat.ts';
import type { AdvancesConfig } from './config.ts';

export function armDesignBeat(sim: Simulator, host: DesignHost<Beat>, beat: Beat, config: AdvancesConfig): void {
  const interval = config.beatIntervalMs;
  const first = host.proc.incarnation === 1 && config.beatFirstAtMs !== null ? Math.max(1, config.beatFirstAtMs - sim.now) : interval - (sim.now % interval);
  armBeat(sim, host.proc, 'beat tick', { intervalMs: interval, firstAfterMs: first }, (n) => {
    beat.tick(n).catch((err: unknown) => {
      host.fault ??= { invariant: 'CoordinatorError', message: `beat tick ${n} threw: ${describeThrown(err)}` };
    });
  });
}
