/**
 * What a command's result looks like to a CI system: suites of test cases,
 * each passed, failed (a violation, or an expectation not met: with the
 * invariant, the message, the replay line and the trace) or in error (could
 * not be checked). JUnit XML, workflow annotations and the step summary are
 * all rendered from these values, so the three always agree.
 */

export interface CiFailure {
  /** The invariant or property, or what went wrong when no invariant is involved (`LatencyBudget`, `UnexpectedPass`). */
  invariant: string;
  message: string;
  /** The one line that reproduces it. */
  replay: string;
  /** Where it was found, when that is not the replay line itself, e.g. `found with seed 17`. */
  origin?: string;
  /** The (shrunk) trace or counterexample as text, and anything else worth reading. */
  detail: string;
}

export interface CiCase {
  name: string;
  classname: string;
  timeSeconds?: number;
  properties?: ReadonlyArray<readonly [string, string]>;
  /** Several when one sweep breaks several invariants. */
  failures?: CiFailure[];
  /** The case could not be checked at all (a scenario file that does not parse). */
  error?: string;
  systemOut?: string;
}

export interface CiSuite {
  name: string;
  timeSeconds?: number;
  cases: CiCase[];
  /** One sentence for the step summary: what the suite covered. */
  note?: string;
}

export function countOf(suites: readonly CiSuite[]): { tests: number; failures: number; errors: number } {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const s of suites) {
    for (const c of s.cases) {
      tests++;
      if (c.error !== undefined) errors++;
      else if ((c.failures ?? []).length > 0) failures++;
    }
  }
  return { tests, failures, errors };
}
