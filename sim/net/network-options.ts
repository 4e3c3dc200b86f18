/** Tunable network behaviour; every probability is per message. */
export interface NetworkOptions {
  latencyMsMin: number;
  latencyMsMax: number;
  /** Probability that a request or a reply is silently dropped. */
  lossProbability: number;
  /** Probability that a request is delivered twice. */
  duplicateProbability: number;
  /** Probability that a message takes an extra delay, up to `slowExtraMsMax`. */
  slowProbability: number;
  slowExtraMsMax: number;
  /**
   * Probability that a request is held back in the network and arrives late:
   * in one form just after its caller's timeout, in the other
   * `lateRequestExtraMs` after that, past status queries, expiries and later
   * requests. A late request still applies where it lands.
   */
  lateRequestProbability: number;
  lateRequestExtraMs: number;
}

export const calmNetwork: NetworkOptions = {
  latencyMsMin: 2,
  latencyMsMax: 12,
  lossProbability: 0,
  duplicateProbability: 0,
  slowProbability: 0,
  slowExtraMsMax: 0,
  lateRequestProbability: 0,
  lateRequestExtraMs: 1000,
};
