// Test written by `moneysim explore --emit-test --emit-test-kind fails`: replays shrunk failures of bank-transfer / naive.
// Kind "fails": each case asserts that the design still breaks the invariant it broke, a reproduction
// that passes while the bug is there and fails once it is fixed (use --emit-test-kind holds for a regression test).
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

describe("bank-transfer NoOverdraft (shrunk: transfers 2 -> 1, faults 5 -> 1, choices 105 -> 29, events 38 -> 9)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"swarm","choices":"0.1.1.0*3.1.0*l.1~51"};
  it("naive violates NoOverdraft", async () => {
    expect(await replayOutcome(run)).toBe("NoOverdraft");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer NoOrphanedMoney (shrunk: transfers 14 -> 1, faults 22 -> 1, choices 282 -> 35, events 151 -> 9)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"swarm","choices":"0.1.0.1.0.0.1.0*r.1~39"};
  it("naive violates NoOrphanedMoney", async () => {
    expect(await replayOutcome(run)).toBe("NoOrphanedMoney");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer ExactlyOncePerKey (shrunk: transfers 2 -> 1, faults 1 -> 1, choices 105 -> 28, events 34 -> 20)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"swarm","choices":"0*4.1.0*m.1~52"};
  it("naive violates ExactlyOncePerKey", async () => {
    expect(await replayOutcome(run)).toBe("ExactlyOncePerKey");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer NoMoneyCreated (shrunk: transfers 3 -> 1, faults 3 -> 1, choices 196 -> 43, events 51 -> 23)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"swarm","choices":"0.0.1.0.0.1.0*10.1~70"};
  it("naive violates NoMoneyCreated", async () => {
    expect(await replayOutcome(run)).toBe("NoMoneyCreated");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});
