// Test written by `moneysim explore --emit-test --emit-test-kind fails`: replays shrunk failures of accounts-advances / naive.
// Kind "fails": each case asserts that the design still breaks the invariant it broke, a reproduction
// that passes while the bug is there and fails once it is fixed (use --emit-test-kind holds for a regression test).
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

describe("accounts-advances MoneyConserved (shrunk: faults 6 -> 0, choices 1413 -> 22, events 659 -> 191)", () => {
  const run: EncodedRun = {"system":"accounts-advances","design":"naive","world":"swarm","choices":"0*l.1~246"};
  it("naive violates MoneyConserved", async () => {
    expect(await replayOutcome(run)).toBe("MoneyConserved");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});
