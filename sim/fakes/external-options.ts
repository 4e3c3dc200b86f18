/** Behaviour and fault rates of the fake external institution; probabilities are per request. */
export interface ExternalOptions {
  /** `idempotent`: a repeated reference returns the first result; `non-idempotent`: it applies again. */
  mode: 'idempotent' | 'non-idempotent';
  /** Lets a cash-out take a balance below zero (seed 003's exercise assumes this). */
  allowNegativeBalance: boolean;
  /** Intervals of virtual time during which every request is refused with UNAVAILABLE. */
  downWindows: Array<{ fromMs: number; toMs: number }>;
  /** The request is refused with UNAVAILABLE, unapplied, as during downtime but for one request. */
  unavailableProbability: number;
  /** 5xx raised before the request is applied. */
  errorBeforeProbability: number;
  /** 5xx raised after the request was applied. */
  errorAfterProbability: number;
  /** The request is applied and its reply is dropped. */
  lostReplyProbability: number;
  /** The reply is delayed by up to `slowExtraMsMax`. */
  slowProbability: number;
  slowExtraMsMax: number;
}

export const calmExternal: ExternalOptions = {
  mode: 'idempotent',
  allowNegativeBalance: false,
  downWindows: [],
  unavailableProbability: 0,
  errorBeforeProbability: 0,
  errorAfterProbability: 0,
  lostReplyProbability: 0,
  slowProbability: 0,
  slowExtraMsMax: 0,
};
