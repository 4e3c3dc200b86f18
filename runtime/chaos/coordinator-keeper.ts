/**
 * Keeps the coordinator process running during a chaos run, and kills it:
 * at each planned moment it sends SIGKILL (waiting first for a restart still
 * under way, so a kill can land during recovery) and starts a new process on
 * the same port at once. A process that dies on its own (crash-only exits)
 * is restarted too and counted apart.
 *
 * Warm standby processes (everything loaded, nothing opened) are kept ready,
 * as a process manager with a spare would: a restart then costs opening the
 * database, recovery and listening, not starting Node.js and loading the
 * code. The restart times reported are from SIGKILL to the new process
 * answering, whichever way it started.
 */
import type { ChildExit, ChildStart, CoordinatorChild, StandbyChild } from '../bank-transfer/coordinator-child.ts';
import { startCoordinatorChild, startStandbyChild } from '../bank-transfer/coordinator-child.ts';
import type { CoordinatorProcessConfig } from '../bank-transfer/coordinator-process.ts';

/**
 * Two standbys: under load a Node.js process with the TypeScript loader takes
 * one to three seconds to be ready, and kills may come every second or two.
 */
const SPARES = 2;

export interface KeeperStats {
  kills: number;
  /** Exits nobody asked for, with how they ended. */
  crashes: ChildExit[];
  /** From SIGKILL (or a crash) to the new process being ready, per restart. */
  restartMs: number[];
}

export class CoordinatorKeeper {
  readonly stats: KeeperStats = { kills: 0, crashes: [], restartMs: [] };
  private child: CoordinatorChild | null = null;
  private restarting: Promise<void> | null = null;
  /** Standby processes, oldest first (the likeliest to be ready). */
  private readonly spares: Array<Promise<{ ok: true; standby: StandbyChild } | { ok: false; message: string }>> = [];
  private stopped = false;
  /** Set when a restart failed: the run cannot go on. */
  failure: string | null = null;

  constructor(private readonly config: CoordinatorProcessConfig) {}

  async start(): Promise<{ ok: true; child: CoordinatorChild } | { ok: false; message: string }> {
    const started = await startCoordinatorChild(this.config, { output: 'ignore' });
    if (!started.ok) return started;
    this.adopt(started.child);
    this.prepareSpare();
    return started;
  }

  /** SIGKILL now (after any restart in progress), then restart. */
  async kill(): Promise<void> {
    if (this.restarting !== null) await this.restarting;
    const child = this.child;
    if (child === null || this.stopped) return;
    this.child = null;
    const killedMs = performance.now();
    child.kill('SIGKILL');
    await child.exited;
    this.stats.kills++;
    await this.restart(killedMs);
  }

  /** Stops for good: SIGTERM, waiting for the exit. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restarting !== null) await this.restarting;
    for (const pending of this.spares.splice(0)) {
      const spare = await pending;
      if (!spare.ok) continue;
      spare.standby.kill('SIGTERM');
      await spare.standby.exited;
    }
    const child = this.child;
    this.child = null;
    if (child === null) return;
    child.kill('SIGTERM');
    const gone = await Promise.race([child.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
    if (!gone) {
      child.kill('SIGKILL');
      await child.exited;
    }
  }

  /** Waits until no restart is under way. */
  async settled(): Promise<void> {
    while (this.restarting !== null) await this.restarting;
  }

  private adopt(child: CoordinatorChild): void {
    this.child = child;
    void child.exited.then((exit) => {
      if (this.child !== child || this.stopped) return;
      this.child = null;
      this.stats.crashes.push(exit);
      void this.restart(performance.now());
    });
  }

  private restart(sinceMs: number): Promise<void> {
    const run = (async () => {
      if (this.stopped) return;
      const started = await this.takeSpare();
      if (!started.ok) {
        this.failure = `the coordinator did not restart: ${started.message}`;
        return;
      }
      this.stats.restartMs.push(Math.round(performance.now() - sinceMs));
      this.adopt(started.child);
      this.prepareSpare();
    })();
    const tracked: Promise<void> = run.finally(() => {
      if (this.restarting === tracked) this.restarting = null;
    });
    this.restarting = tracked;
    return tracked;
  }

  private prepareSpare(): void {
    while (!this.stopped && this.spares.length < SPARES) this.spares.push(startStandbyChild(this.config, { output: 'ignore' }));
  }

  /** Activates the standby, or starts a process the slow way when there is none. */
  private async takeSpare(): Promise<ChildStart> {
    const next = this.spares.shift();
    const spare = next === undefined ? null : await next;
    if (spare?.ok === true) return spare.standby.activate();
    return startCoordinatorChild(this.config, { output: 'ignore' });
  }
}
