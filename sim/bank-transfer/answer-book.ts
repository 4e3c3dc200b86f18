/**
 * The client-visible history: every answer the mobile client received, per
 * transfer id and per press (idempotency key). A timeout is recorded as
 * unknown, never as a failure, so that judging answers raises no false
 * alarms. Per key the book keeps what the press asked for, every transfer id
 * it was answered with and its latest definite answer: enough to judge that
 * each key moved money at most once and that every press was answered.
 */
import type { TransferAnswer } from '../../impl/bank-transfer/contract.ts';

export interface HistoryEntry {
  timeMs: number;
  op: 'transfer' | 'status';
  key: string;
  outcome: 'ok' | 'unknown';
  answer?: TransferAnswer;
}

/** One press of the button, as the client saw it. */
export interface PressRecord {
  key: string;
  accountId: string;
  userId: string;
  amountMinor: number;
  /** Attempts sent (the first try and every retry with the same key). */
  attempts: number;
  /** Transfer ids the press was answered with (more than one means the key made two transfers). */
  transferIds: Set<string>;
  /** Latest answer to the press or to its status polls. */
  latest: TransferAnswer | null;
  /** True once the press ended in SUCCESS or FAILED (directly or by a settled status). */
  settled: boolean;
}

export class AnswerBook {
  readonly history: HistoryEntry[] = [];
  /** The latest answer per transfer id. */
  readonly latest = new Map<string, TransferAnswer>();
  /** Every definite status ever answered per transfer id. */
  readonly definite = new Map<string, Set<'SUCCESS' | 'FAILED'>>();
  /** Every press, by idempotency key, in the order pressed. */
  readonly presses = new Map<string, PressRecord>();
  /** Answers received, of any status. */
  answers = 0;

  constructor(private readonly keepHistory: boolean) {}

  press(key: string, accountId: string, userId: string, amountMinor: number): PressRecord {
    const rec: PressRecord = { key, accountId, userId, amountMinor, attempts: 0, transferIds: new Set(), latest: null, settled: false };
    this.presses.set(key, rec);
    return rec;
  }

  /** Records one outcome; `press` is the press the call belongs to (a transfer call or a status poll). */
  record(entry: HistoryEntry, press?: PressRecord): void {
    if (this.keepHistory) this.history.push(entry);
    const a = entry.answer;
    if (a === undefined) return;
    this.answers++;
    if (press !== undefined) {
      press.latest = a;
      if (a.transferId !== '') press.transferIds.add(a.transferId);
      if (a.status !== 'PENDING') press.settled = true;
    }
    if (a.transferId === '') return;
    this.latest.set(a.transferId, a);
    if (a.status !== 'PENDING') {
      let set = this.definite.get(a.transferId);
      if (set === undefined) this.definite.set(a.transferId, (set = new Set()));
      set.add(a.status);
    }
  }

  /** Transfer ids whose latest answer is still PENDING. */
  unsettled(): string[] {
    return [...this.latest.values()].filter((a) => a.status === 'PENDING').map((a) => a.transferId);
  }

  /** Presses that never got a definite answer. */
  unanswered(): PressRecord[] {
    return [...this.presses.values()].filter((p) => !p.settled);
  }
}
