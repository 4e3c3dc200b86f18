/**
 * Stalls of a live process: a stopped virtual machine, a long garbage
 * collection, a process swapped out. Unlike a crash, the process keeps its
 * memory and carries on afterwards, unaware that time passed: a worker that
 * leased a payment just before a stall still believes it holds the lease.
 *
 * A pause gates the process's asynchronous ports: while it lasts, no call
 * starts and no answer reaches the process's code (calls already sent are
 * served, their replies wait), and its timers do not wake it. A pause
 * starts before one of the process's calls, either scripted (the nth call
 * of a method) or drawn per call as a fault choice; its length is a data
 * choice. A crash during a pause ends it with the incarnation.
 */
import { chance, intBetween } from '../choice/choice-source.ts';
import type { Simulator } from '../kernel/simulator.ts';
import type { SimProcess } from '../kernel/sim-process.ts';

export interface PauseOptions {
  /** Per call of a gated port during the fault phase: the process stalls just before it. */
  pauseProbability: number;
  pauseMsMin: number;
  pauseMsMax: number;
  /** No more random pauses than this per run. */
  maxPauses: number;
}

export interface ScriptedPause {
  /** The process that stalls; absent: whichever gated process makes the nth call (counted across them). */
  process?: string;
  /** The method whose nth call (1-based) the pause comes before. */
  method: string;
  nth: number;
  forMs: number;
}

export const noPauses: PauseOptions = { pauseProbability: 0, pauseMsMin: 0, pauseMsMax: 0, maxPauses: 0 };

export class ProcessPauses {
  readonly counts = { pauses: 0 };
  private readonly until = new Map<SimProcess, number>();
  private readonly calls = new Map<string, number>();

  constructor(
    private readonly sim: Simulator,
    public options: PauseOptions,
    private readonly scripted: readonly ScriptedPause[],
  ) {}

  /**
   * The port with every method gated by `proc`'s pauses. Every member must
   * be an asynchronous method (a SQL port, a queue, an HTTP client, timers).
   */
  gate<T extends object>(proc: SimProcess, port: T): T {
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(port)) {
      if (typeof member !== 'function') continue;
      const fn = member as (...args: unknown[]) => Promise<unknown>;
      out[name] = async (...args: unknown[]): Promise<unknown> => {
        this.maybeStart(proc, name);
        await this.wait(proc);
        const result = await fn.apply(port, args);
        await this.wait(proc);
        return result;
      };
    }
    return out as T;
  }

  private maybeStart(proc: SimProcess, method: string): void {
    if ((this.until.get(proc) ?? 0) > this.sim.now) return;
    const own = this.count(`${proc.name}|${method}`);
    const any = this.count(`*|${method}`);
    const script = this.scripted.find((s) => s.method === method && (s.process === undefined ? s.nth === any : s.process === proc.name && s.nth === own));
    let forMs = script?.forMs ?? 0;
    const o = this.options;
    if (forMs === 0 && this.counts.pauses < o.maxPauses && chance(this.sim.choice, 'pause', o.pauseProbability)) forMs = intBetween(this.sim.choice, 'pause.ms', o.pauseMsMin, o.pauseMsMax);
    if (forMs <= 0) return;
    this.counts.pauses++;
    this.until.set(proc, this.sim.now + forMs);
    this.sim.trace.record(this.sim.steps, this.sim.now, 'fault', proc.name, '', `${proc.name} stalls for ${forMs} ms before ${method}`);
  }

  /** Counts a call under `key` and returns its number. */
  private count(key: string): number {
    const n = (this.calls.get(key) ?? 0) + 1;
    this.calls.set(key, n);
    return n;
  }

  private wait(proc: SimProcess): Promise<void> {
    const left = (this.until.get(proc) ?? 0) - this.sim.now;
    if (left <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.sim.schedule(left, proc, 'stall over', null, resolve, { phase: 'timer' });
    });
  }
}
