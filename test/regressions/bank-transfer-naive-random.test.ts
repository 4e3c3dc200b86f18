// Regression test written by `moneysim explore --emit-test`: replays shrunk failures of bank-transfer / naive.
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

describe("bank-transfer NoOrphanedMoney (shrunk: transfers 2 -> 1, faults 6 -> 1, choices 109 -> 30, events 37 -> 6)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"swarm","choices":"0.1.1.0*q.1"};
  it("naive violates NoOrphanedMoney", async () => {
    expect(await replayOutcome(run)).toBe("NoOrphanedMoney");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer NoMoneyCreated (shrunk: transfers 7 -> 1, faults 23 -> 1, choices 210 -> 32, events 154 -> 25)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"swarm","choices":"0*3.1.0*r.1"};
  it("naive violates NoMoneyCreated", async () => {
    expect(await replayOutcome(run)).toBe("NoMoneyCreated");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("bank-transfer NoOverdraft (shrunk: transfers 1 -> 1, faults 2 -> 2, choices 70 -> 60, events 30 -> 27)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"swarm","choices":"0.1.1.0*7.1.0.1.0.1.0.1.0.1.0.1.0.1.0*4.3.0*i.1.0*c.1"};
  it("naive violates NoOverdraft", async () => {
    expect(await replayOutcome(run)).toBe("NoOverdraft");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});
