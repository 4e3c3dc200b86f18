/** Tunable network behaviour; every probability is per message. */
export interface NetworkOptions {
  latencyMsMin: number;
  latencyMsMax: number;
  /** Probability that a request or a reply is silently dropped. */
  lossProbability: number;
  /** Probability that a request is delivered twice. */
  duplicateProbability: number;
  /** The second copy of a duplicated request takes up to this much longer than its own latency. */
  duplicateDelayMsMax: number;
  /** Probability that a message takes an extra delay, up to `slowExtraMsMax`. */
  slowProbability: number;
  slowExtraMsMax: number;
  /**
   * Probability that a request is held back in the network and arrives after
   * its caller's timeout, by one of `lateRequestAfterTimeoutMs` (drawn as the
   * fault's form): just after it, after the caller's follow-up (a status
   * query, a retry) but before a typical expiry, or long after, past expiries
   * and later requests. A late request still applies where it lands.
   */
  lateRequestProbability: number;
  lateRequestAfterTimeoutMs: readonly number[];
}

export const calmNetwork: NetworkOptions = {
  latencyMsMin: 2,
  latencyMsMax: 12,
  lossProbability: 0,
  duplicateProbability: 0,
  duplicateDelayMsMax: 0,
  slowProbability: 0,
  slowExtraMsMax: 0,
  lateRequestProbability: 0,
  lateRequestAfterTimeoutMs: [1, 25, 1000],
};
