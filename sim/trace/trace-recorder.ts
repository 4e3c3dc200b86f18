/**
 * Records what happened in a run and folds it into a 64-bit hash.
 *
 * The hash is FNV-1a computed as two independent 32-bit lanes over each
 * entry's canonical text, so that two runs have the same hash exactly when
 * they produced the same sequence of entries. Entries are kept only when the
 * caller will print them (replay, scenario runs); sweeps keep just the hash.
 */
export type TraceKind =
  | 'send'
  | 'deliver'
  | 'drop'
  | 'timeout'
  | 'timer'
  | 'store'
  | 'crash'
  | 'restart'
  | 'fault'
  | 'answer'
  | 'note';

export interface TraceEntry {
  step: number;
  timeMs: number;
  kind: TraceKind;
  /** The acting process or component. */
  actor: string;
  /** The other party of a message, if any. */
  peer: string;
  text: string;
}

export class TraceRecorder {
  readonly entries: TraceEntry[] = [];
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193 ^ 0x5bd1e995;
  count = 0;

  constructor(readonly keepEntries: boolean) {}

  record(step: number, timeMs: number, kind: TraceKind, actor: string, peer: string, text: string): void {
    this.count++;
    this.fold(`${step}|${timeMs}|${kind}|${actor}|${peer}|${text}`);
    if (this.keepEntries) this.entries.push({ step, timeMs, kind, actor, peer, text });
  }

  /** The hash of everything recorded so far, as 16 hex digits. */
  hash(): string {
    return hex32(this.h1) + hex32(this.h2);
  }

  private fold(s: string): void {
    let a = this.h1;
    let b = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    // A separator keeps "ab"+"c" apart from "a"+"bc".
    this.h1 = Math.imul(a ^ 0x0a, 0x01000193);
    this.h2 = Math.imul(b ^ 0x0a, 0x01000193);
  }
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
