// Test written by `moneysim explore --emit-test --emit-test-kind fails`: replays shrunk failures of bank-transfer / naive.
// Kind "fails": each case asserts that the design still breaks the invariant it broke, a reproduction
// that passes while the bug is there and fails once it is fixed (use --emit-test-kind holds for a regression test).
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

describe("bank-transfer NoOrphanedMoney (shrunk: transfers 8 -> 1, faults 6 -> 1, choices 229 -> 32, events 72 -> 8)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"swarm","choices":"0*b.1.0*j.1~35"};
  it("naive violates NoOrphanedMoney", async () => {
    expect(await replayOutcome(run)).toBe("NoOrphanedMoney");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer NoOverdraft (shrunk: transfers 2 -> 1, faults 4 -> 1, choices 100 -> 13, events 29 -> 19)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"swarm","choices":"0.1.1.0*6.1.0.0.1~54"};
  it("naive violates NoOverdraft", async () => {
    expect(await replayOutcome(run)).toBe("NoOverdraft");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer NoMoneyCreated (shrunk: transfers 5 -> 1, faults 4 -> 1, choices 157 -> 44, events 82 -> 23)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"swarm","choices":"0.0.1.0.0.1.0*11.1~71"};
  it("naive violates NoMoneyCreated", async () => {
    expect(await replayOutcome(run)).toBe("NoMoneyCreated");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer ExactlyOncePerKey (shrunk: transfers 2 -> 1, faults 7 -> 1, choices 122 -> 29, events 72 -> 22)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"swarm","choices":"0*6.1.0*l.1~47"};
  it("naive violates ExactlyOncePerKey", async () => {
    expect(await replayOutcome(run)).toBe("ExactlyOncePerKey");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});
