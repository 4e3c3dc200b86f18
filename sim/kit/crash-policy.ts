/**
 * Decides when crashable processes (a system's coordinator nodes, and fakes
 * that can restart) crash and when they come back.
 *
 * Scripted crashes fire on the nth matching event about to reach their
 * target process ("when the first cashOut reply arrives") or at an instant.
 * Random crashes are drawn per event a crashable process handles while the
 * fault phase lasts; since every such event is the end of a call or a write,
 * crashes land where work is in flight, which is where money hides. After
 * the fault phase no process crashes and a crashed process restarts at once.
 * Each process restarts through its own action (a coordinator recovers, a
 * stateless stub comes back empty).
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
  /** A scripted crash's own restart delay, per crashed process, used instead of a drawn one. */
  private readonly pendingRestartMs = new Map<SimProcess, number>();
  /** Set when a scripted crash matched an event to crash right after; the world fires it once the event ran. */
  private crashAfterEvent = false;
  /** Restart actions by process; a process without one restarts through the default action. */
  private readonly restarts = new Map<SimProcess, (proc: SimProcess) => void>();
  /** What the world does the moment any process dies (a database closing its connections). */
  private readonly downActions: Array<(proc: SimProcess) => void> = [];

  constructor(
    private readonly sim: Simulator,
    private readonly control: SimProcess,
    private readonly options: CrashOptions,
    private readonly scripted: readonly ScriptedCrash[],
    private readonly restart: (proc: SimProcess) => void,
  ) {
    this.matches = scripted.map(() => 0);
  }

  /** Gives a process its own restart action (a fake that forgets, a database that rolls back). */
  onRestart(proc: SimProcess, action: (proc: SimProcess) => void): void {
    this.restarts.set(proc, action);
  }

  /** Schedules the crashes tied to an instant; `targets[0]` is the default target. */
  scheduleTimed(...targets: SimProcess[]): void {
    for (const s of this.scripted) {
      if (s.atMs === undefined) continue;
      const target = s.process === undefined ? targets[0]! : targets.find((p) => p.name === s.process);
      if (target === undefined) throw new Error(`scripted crash names unknown process ${s.process}`);
      this.sim.schedule(s.atMs, this.control, 'scripted crash', () => {
        if (!target.up) return;
        this.pendingRestartMs.set(target, s.restartAfterMs);
        this.sim.crash(target);
      }, null, { phase: 'control' });
    }
  }

  shouldCrashBefore(ev: SimEvent): boolean {
    if (this.healed) return false;
    const meta = ev.meta;
    for (let i = 0; i < this.scripted.length; i++) {
      const s = this.scripted[i]!;
      const on = s.on;
      if (on === undefined || meta === null || meta.phase !== on.phase) continue;
      if (on.method !== undefined && on.method !== meta.method) continue;
      if (s.process !== undefined && s.process !== ev.proc.name) continue;
      this.matches[i]!++;
      if (this.matches[i] === on.nth) {
        this.pendingRestartMs.set(ev.proc, s.restartAfterMs);
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

  /** Runs `action` whenever a process crashes, before its restart is planned. */
  onDown(action: (proc: SimProcess) => void): void {
    this.downActions.push(action);
  }

  /** Plans the restart of a process that just crashed. */
  onCrash(proc: SimProcess): void {
    for (const action of this.downActions) action(proc);
    const scripted = this.pendingRestartMs.get(proc);
    this.pendingRestartMs.delete(proc);
    const delay = this.healed
      ? 0
      : scripted ?? intBetween(this.sim.choice, 'crash.restart', this.options.restartDelayMsMin, this.options.restartDelayMsMax);
    this.sim.schedule(delay, this.control, 'restart', () => {
      if (proc.up) return;
      this.sim.restart(proc);
      (this.restarts.get(proc) ?? this.restart)(proc);
    }, null, { phase: 'control' });
  }
}
