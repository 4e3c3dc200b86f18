/**
 * Decides when a crashable process (a system's coordinator) crashes and
 * when it comes back.
 *
 * Scripted crashes fire on the nth matching event about to reach the
 * coordinator ("when the first cashOut reply arrives") or at an instant.
 * Random crashes are drawn per coordinator event while the fault phase lasts;
 * since every such event is the end of a call or a write, crashes land where
 * work is in flight, which is where money hides. After the fault phase no
 * process crashes and a crashed coordinator restarts at once.
 */
import { chance, intBetween } from '../choice/choice-source.ts';
import type { SimEvent } from '../kernel/sim-event.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';
import type { CrashOptions, ScriptedCrash } from './fault-options.ts';

export class CrashPolicy {
  healed = false;
  randomCrashes = 0;
  private readonly matches: number[];
  private pendingRestartMs: number | null = null;
  /** Set when a scripted crash matched an event to crash right after; the world fires it once the event ran. */
  private crashAfterEvent = false;

  constructor(
    private readonly sim: Simulator,
    private readonly control: SimProcess,
    private readonly options: CrashOptions,
    private readonly scripted: readonly ScriptedCrash[],
    private readonly restart: (proc: SimProcess) => void,
  ) {
    this.matches = scripted.map(() => 0);
  }

  /** Schedules the crashes that are tied to an instant. */
  scheduleTimed(target: SimProcess): void {
    for (const s of this.scripted) {
      if (s.atMs === undefined) continue;
      this.sim.schedule(s.atMs, this.control, 'scripted crash', () => {
        this.pendingRestartMs = s.restartAfterMs;
        this.sim.crash(target);
      }, null, { phase: 'control' });
    }
  }

  shouldCrashBefore(ev: SimEvent): boolean {
    if (this.healed) return false;
    const meta = ev.meta;
    for (let i = 0; i < this.scripted.length; i++) {
      const on = this.scripted[i]!.on;
      if (on === undefined || meta === null || meta.phase !== on.phase) continue;
      if (on.method !== undefined && on.method !== meta.method) continue;
      this.matches[i]!++;
      if (this.matches[i] === on.nth) {
        this.pendingRestartMs = this.scripted[i]!.restartAfterMs;
        if (on.when !== 'after') return true;
        this.crashAfterEvent = true;
      }
    }
    if (this.randomCrashes >= this.options.maxCrashes || this.options.probability <= 0) return false;
    if (!chance(this.sim.choice, 'crash', this.options.probability)) return false;
    this.randomCrashes++;
    return true;
  }

  /** Whether a scripted crash is due now that the matched event has run; consumes it. */
  takeCrashAfterEvent(): boolean {
    const due = this.crashAfterEvent;
    this.crashAfterEvent = false;
    return due;
  }

  /** Plans the restart of a process that just crashed. */
  onCrash(proc: SimProcess): void {
    const delay = this.healed
      ? 0
      : this.pendingRestartMs ?? intBetween(this.sim.choice, 'crash.restart', this.options.restartDelayMsMin, this.options.restartDelayMsMax);
    this.pendingRestartMs = null;
    this.sim.schedule(delay, this.control, 'restart', () => {
      if (proc.up) return;
      this.sim.restart(proc);
      this.restart(proc);
    }, null, { phase: 'control' });
  }
}
