/**
 * The one place where command results become process exit codes.
 *
 * Every command returns an Outcome value instead of calling process.exit, so
 * that tests can drive commands in-process and so that the mapping below is
 * the single source of truth: 0 nothing violated, 1 a violation or unmet
 * expectation, 2 bad input, 3 an internal error (a bug in moneysim itself).
 */
export type Outcome =
  | { kind: 'ok' }
  | { kind: 'violation' }
  | { kind: 'bad-input'; message: string }
  | { kind: 'internal-error'; message: string };

export const EXIT_OK = 0;
export const EXIT_VIOLATION = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERNAL = 3;

export function exitCodeFor(outcome: Outcome): number {
  switch (outcome.kind) {
    case 'ok':
      return EXIT_OK;
    case 'violation':
      return EXIT_VIOLATION;
    case 'bad-input':
      return EXIT_BAD_INPUT;
    case 'internal-error':
      return EXIT_INTERNAL;
  }
}

export const ok: Outcome = { kind: 'ok' };
export const violation: Outcome = { kind: 'violation' };
export function badInput(message: string): Outcome {
  return { kind: 'bad-input', message };
}
