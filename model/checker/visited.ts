/**
 * The visited set the breadth-first search uses: FingerprintTable (maps a
 * fingerprint to its state's index, for recording edges when liveness is to
 * be checked) or FingerprintSet (fingerprints only, half the memory).
 */
export interface VisitedSet {
  readonly size: number;
  /** Bytes allocated now. */
  readonly bytes: number;
  /** Bytes the next growth would allocate, when it is near; 0 otherwise. */
  readonly growthBytes: number;
  /** -1 when added; otherwise the stored index (FingerprintTable) or 0 (FingerprintSet). */
  putIfAbsent(hi: number, lo: number, index: number): number;
}
