/** Fault rates of the fake internal balance store; probabilities are per credit request. */
export interface LedgerOptions {
  /** A credit is rejected for good (antifraud or domain rule). */
  rejectProbability: number;
  /** A credit is refused for now, unapplied (rate limiting). */
  rateLimitProbability: number;
  /** The credit is applied and its reply dropped. */
  lostReplyProbability: number;
  /** The reply is delayed by up to `slowExtraMsMax`. */
  slowProbability: number;
  slowExtraMsMax: number;
}

export const calmLedger: LedgerOptions = {
  rejectProbability: 0,
  rateLimitProbability: 0,
  lostReplyProbability: 0,
  slowProbability: 0,
  slowExtraMsMax: 0,
};
