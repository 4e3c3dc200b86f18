// Test written by `moneysim explore --emit-test --emit-test-kind fails`: replays shrunk failures of bank-transfer / naive.
// Kind "fails": each case asserts that the design still breaks the invariant it broke, a reproduction
// that passes while the bug is there and fails once it is fixed (use --emit-test-kind holds for a regression test).
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

describe("bank-transfer NoOverdraft (shrunk: transfers 1 -> 1, faults 1 -> 1, choices 33 -> 2, events 16 -> 9)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"exhaustive","choices":"0.1~39","options":{"transfers":1,"externalMode":"idempotent"}};
  it("naive violates NoOverdraft", async () => {
    expect(await replayOutcome(run)).toBe("NoOverdraft");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer NoMoneyCreated (shrunk: transfers 1 -> 1, faults 2 -> 2, choices 44 -> 37, events 18 -> 16)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"exhaustive","choices":"0*l.1.0*e.1~48","options":{"transfers":1,"externalMode":"idempotent"}};
  it("naive violates NoMoneyCreated", async () => {
    expect(await replayOutcome(run)).toBe("NoMoneyCreated");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer NoOrphanedMoney (shrunk: transfers 2 -> 1, faults 2 -> 1, choices 45 -> 11, events 23 -> 9)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"exhaustive","choices":"0*a.1~25","options":{"transfers":1,"externalMode":"idempotent"}};
  it("naive violates NoOrphanedMoney", async () => {
    expect(await replayOutcome(run)).toBe("NoOrphanedMoney");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});
