// Regression test written by `moneysim explore --emit-test`: replays shrunk failures of bank-transfer / naive.
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

describe("bank-transfer NoOverdraft (shrunk: transfers 1 -> 1, faults 1 -> 1, choices 29 -> 2, events 16 -> 9)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"exhaustive","choices":"0.1","workload":1,"externalMode":"idempotent"};
  it("naive violates NoOverdraft", async () => {
    expect(await replayOutcome(run)).toBe("NoOverdraft");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer NoMoneyCreated (shrunk: transfers 1 -> 1, faults 2 -> 2, choices 37 -> 22, events 18 -> 15)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"exhaustive","choices":"0*h.1.0*3.1","workload":1,"externalMode":"idempotent"};
  it("naive violates NoMoneyCreated", async () => {
    expect(await replayOutcome(run)).toBe("NoMoneyCreated");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer NoOrphanedMoney (shrunk: transfers 2 -> 1, faults 2 -> 1, choices 37 -> 12, events 15 -> 8)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"exhaustive","choices":"0*b.1","workload":1,"externalMode":"idempotent"};
  it("naive violates NoOrphanedMoney", async () => {
    expect(await replayOutcome(run)).toBe("NoOrphanedMoney");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});
