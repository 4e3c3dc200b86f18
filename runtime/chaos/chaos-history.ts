/**
 * The client-visible history of a chaos run: every request as an `invoke`
 * followed by its outcome, `ok` (an answer), `fail` (the connection was
 * refused: the request never reached the coordinator) or `unknown` (no
 * answer in time, a broken connection, or a 5xx: it may have been applied).
 * Times are milliseconds since the run started.
 */
import type { TransferAnswer } from '../../impl/bank-transfer/contract.ts';

export interface HistoryEvent {
  tMs: number;
  client: number;
  op: 'transfer' | 'status';
  key: string;
  type: 'invoke' | 'ok' | 'fail' | 'unknown';
  answer?: TransferAnswer;
  /** For unknown: what was seen (timeout, HTTP status). */
  detail?: string;
}

export class ChaosHistory {
  readonly events: HistoryEvent[] = [];

  constructor(
    private readonly keep: boolean,
    private readonly startedMs: number,
  ) {}

  add(event: Omit<HistoryEvent, 'tMs'>): void {
    if (!this.keep) return;
    this.events.push({ tMs: Math.round(performance.now() - this.startedMs), ...event });
  }

  /** One JSON object per line. */
  toJsonLines(): string {
    return this.events.map((e) => JSON.stringify(e)).join('\n') + (this.events.length > 0 ? '\n' : '');
  }
}
