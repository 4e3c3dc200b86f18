// Test written by `moneysim explore --emit-test --emit-test-kind fails`: replays shrunk failures of fund-investment / naive.
// Kind "fails": each case asserts that the design still breaks the invariant it broke, a reproduction
// that passes while the bug is there and fails once it is fixed (use --emit-test-kind holds for a regression test).
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

describe("fund-investment NoOrphanedMoney (shrunk: faults 0 -> 0, choices 0 -> 0, events 90 -> 90)", () => {
  const run: EncodedRun = {"system":"fund-investment","design":"naive","world":"exhaustive","choices":"~209","options":{"isolation":"read-committed","investorMode":"mixed","investments":2}};
  it("naive violates NoOrphanedMoney", async () => {
    expect(await replayOutcome(run)).toBe("NoOrphanedMoney");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("fund-investment WorkDrains (shrunk: faults 1 -> 1, choices 152 -> 151, events 7013 -> 7016)", () => {
  const run: EncodedRun = {"system":"fund-investment","design":"naive","world":"exhaustive","choices":"0*46.1~170","options":{"isolation":"read-committed","investorMode":"mixed","investments":2}};
  it("naive violates WorkDrains", async () => {
    expect(await replayOutcome(run)).toBe("WorkDrains");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("fund-investment StateMatchesBooks (shrunk: faults 1 -> 2, choices 148 -> 120, events 138 -> 126)", () => {
  const run: EncodedRun = {"system":"fund-investment","design":"naive","world":"exhaustive","choices":"0*3a.1.1~139","options":{"isolation":"read-committed","investorMode":"mixed","investments":2}};
  it("naive violates StateMatchesBooks", async () => {
    expect(await replayOutcome(run)).toBe("StateMatchesBooks");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("fund-investment RemittedAtMostOnce (shrunk: faults 1 -> 1, choices 114 -> 114, events 53 -> 53)", () => {
  const run: EncodedRun = {"system":"fund-investment","design":"naive","world":"exhaustive","choices":"0*35.1~124","options":{"isolation":"read-committed","investorMode":"mixed","investments":2}};
  it("naive violates RemittedAtMostOnce", async () => {
    expect(await replayOutcome(run)).toBe("RemittedAtMostOnce");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});
