// Test written by `moneysim explore --emit-test --emit-test-kind fails`: replays shrunk failures of accounts-advances / naive.
// Kind "fails": each case asserts that the design still breaks the invariant it broke, a reproduction
// that passes while the bug is there and fails once it is fixed (use --emit-test-kind holds for a regression test).
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

describe("accounts-advances AdvanceRepaid (shrunk: faults 1 -> 1, choices 33 -> 31, events 191 -> 189)", () => {
  const run: EncodedRun = {"system":"accounts-advances","design":"naive","world":"exhaustive","choices":"0*u.1~31","options":{"isolation":"read-committed","workers":2}};
  it("naive violates AdvanceRepaid", async () => {
    expect(await replayOutcome(run)).toBe("AdvanceRepaid");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("accounts-advances CollectedAtMostOnce (shrunk: faults 2 -> 2, choices 32 -> 14, events 154 -> 116)", () => {
  const run: EncodedRun = {"system":"accounts-advances","design":"naive","world":"exhaustive","choices":"0*d.1~14","options":{"isolation":"read-committed","workers":1}};
  it("naive violates CollectedAtMostOnce", async () => {
    expect(await replayOutcome(run)).toBe("CollectedAtMostOnce");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});
