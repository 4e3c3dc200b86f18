/**
 * Which client process opened each transaction still in progress, and when
 * it last sent a statement: what the database needs to end the transactions
 * of a process that died (Postgres notices the closed connection) and those
 * idle past `idle_in_transaction_session_timeout`. Ended transactions are
 * forgotten lazily, so the records stay small.
 */
import type { TxId } from './sql-types.ts';

/** Records kept before ended transactions are swept out. */
const SWEEP_AT_SIZE = 256;

export class OpenSessions {
  private readonly owners = new Map<TxId, string>();
  private readonly lastActiveMs = new Map<TxId, number>();

  /** Notes a transaction begun by `processName`; sweeps ended ones when the records grow. */
  begun(tx: TxId, processName: string, nowMs: number, isOpen: (tx: TxId) => boolean): void {
    this.owners.set(tx, processName);
    this.lastActiveMs.set(tx, nowMs);
    if (this.owners.size > SWEEP_AT_SIZE) this.sweep(isOpen);
  }

  /** Notes a statement of `tx`. */
  touched(tx: TxId, nowMs: number): void {
    if (this.lastActiveMs.has(tx)) this.lastActiveMs.set(tx, nowMs);
  }

  /** Forgets and returns the transactions `processName` had open. */
  takeOwnedBy(processName: string): TxId[] {
    const taken: TxId[] = [];
    for (const [tx, owner] of this.owners) {
      if (owner !== processName) continue;
      this.forget(tx);
      taken.push(tx);
    }
    return taken;
  }

  /** Forgets and returns the transactions idle for `limitMs` or longer, with their idle time, except those `exempt` says to keep (waiting for a lock). */
  takeIdle(nowMs: number, limitMs: number, exempt: (tx: TxId) => boolean): Array<[TxId, number]> {
    const taken: Array<[TxId, number]> = [];
    for (const [tx, at] of this.lastActiveMs) {
      if (nowMs - at < limitMs || exempt(tx)) continue;
      this.forget(tx);
      taken.push([tx, nowMs - at]);
    }
    return taken;
  }

  private sweep(isOpen: (tx: TxId) => boolean): void {
    for (const tx of [...this.owners.keys()]) if (!isOpen(tx)) this.forget(tx);
  }

  private forget(tx: TxId): void {
    this.owners.delete(tx);
    this.lastActiveMs.delete(tx);
  }
}
