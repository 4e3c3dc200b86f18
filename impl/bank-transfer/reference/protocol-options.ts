/**
 * Timing knobs of the reference protocol, chosen for a 200 ms p99 answer:
 * the API answers by `answerBudgetMs` with SUCCESS, FAILED or PENDING, and
 * work that takes longer goes on in the background.
 */
export const protocolOptions = {
  /** The API answers no later than this after a request arrives. */
  answerBudgetMs: 150,
  /** How long the institution may still apply a cash-out after we sent it. */
  cashOutExpiryMs: 100,
  /** How long the institution may still apply an undo after we sent it. */
  undoExpiryMs: 100,
  /** Client-side timeouts of single calls. */
  externalTimeoutMs: 60,
  ledgerTimeoutMs: 40,
  /** Backoff between retries of a call whose outcome was unknown or transient. */
  retryBackoffMsMin: 20,
  retryBackoffMsMax: 500,
};
