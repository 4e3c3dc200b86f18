/**
 * Fault options every system's world shares: random and scripted crashes of
 * its crashable processes, and partition windows between two processes. A
 * system's configuration embeds these; scenario files set them by name.
 */
export interface CrashOptions {
  /** Probability, per event a crashable process handles, that it crashes just before it. */
  probability: number;
  /** No more random crashes than this per run. */
  maxCrashes: number;
  restartDelayMsMin: number;
  restartDelayMsMax: number;
}

export interface PartitionWindow {
  between: [string, string];
  fromMs: number;
  toMs: number;
}

export interface ScriptedCrash {
  /**
   * Crash on the nth (1-based) event of this phase reaching the coordinator:
   * just before it handles the event (`when: 'before'`, the default) or right
   * after it handled it and the code the event woke ran to its next await
   * (`when: 'after'`). Tying a crash to an event rather than an instant keeps a
   * scenario meaningful for every design, whatever its internal timers.
   */
  on?: { phase: 'request' | 'reply' | 'store' | 'timer'; method?: string; nth: number; when?: 'before' | 'after' };
  /** Or crash at this instant. */
  atMs?: number;
  restartAfterMs: number;
  /**
   * The process to crash, by name; absent means the world's first crashable
   * process (its coordinator). Worlds with several nodes, or with fakes that
   * restart, name the target.
   */
  process?: string;
}
