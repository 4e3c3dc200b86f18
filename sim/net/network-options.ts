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
}

export const calmNetwork: NetworkOptions = {
  latencyMsMin: 2,
  latencyMsMax: 12,
  lossProbability: 0,
  duplicateProbability: 0,
  slowProbability: 0,
  slowExtraMsMax: 0,
};
