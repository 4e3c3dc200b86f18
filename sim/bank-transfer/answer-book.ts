/**
 * The client-visible history: every answer the mobile client received, per
 * transfer id. A timeout is recorded as unknown, never as a failure, so that
 * judging answers raises no false alarms.
 */
import type { TransferAnswer } from '../../impl/bank-transfer/contract.ts';

export interface HistoryEntry {
  timeMs: number;
  op: 'transfer' | 'status';
  key: string;
  outcome: 'ok' | 'unknown';
  answer?: TransferAnswer;
}

export class AnswerBook {
  readonly history: HistoryEntry[] = [];
  /** The latest answer per transfer id. */
  readonly latest = new Map<string, TransferAnswer>();
  /** Every definite status ever answered per transfer id. */
  readonly definite = new Map<string, Set<'SUCCESS' | 'FAILED'>>();

  constructor(private readonly keepHistory: boolean) {}

  record(entry: HistoryEntry): void {
    if (this.keepHistory) this.history.push(entry);
    const a = entry.answer;
    if (a === undefined || a.transferId === '') return;
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
}
