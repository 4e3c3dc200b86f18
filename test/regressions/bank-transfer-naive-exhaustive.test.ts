// Regression test written by `moneysim explore --emit-test`: replays shrunk failures of bank-transfer / naive.
import { describe, expect, it } from 'vitest';
import { replayEncoded, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

async function replay(run: EncodedRun) {
  console.log(`replaying ${run.system} / ${run.design} with choices ${run.choices}`);
  const replayed = await replayEncoded(run);
  if (!replayed.ok) throw new Error(replayed.message);
  return replayed.run;
}

describe("bank-transfer NoOverdraft (shrunk: transfers 1 -> 1, faults 1 -> 1, choices 29 -> 2, events 16 -> 9)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"exhaustive","choices":"0.1","workload":1,"externalMode":"idempotent"};
  it("naive violates NoOverdraft", async () => {
    const result = await replay(run);
    expect(result.kind === 'violation' ? result.violation.invariant : 'pass').toBe("NoOverdraft");
  });
  it("reference holds on the same choices", async () => {
    const result = await replay({ ...run, design: "reference" });
    expect(result.kind === 'violation' ? result.violation.invariant : 'pass').toBe('pass');
  });
});

describe("bank-transfer NoMoneyCreated (shrunk: transfers 1 -> 1, faults 2 -> 2, choices 37 -> 22, events 18 -> 15)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"exhaustive","choices":"0*h.1.0*3.1","workload":1,"externalMode":"idempotent"};
  it("naive violates NoMoneyCreated", async () => {
    const result = await replay(run);
    expect(result.kind === 'violation' ? result.violation.invariant : 'pass').toBe("NoMoneyCreated");
  });
  it("reference holds on the same choices", async () => {
    const result = await replay({ ...run, design: "reference" });
    expect(result.kind === 'violation' ? result.violation.invariant : 'pass').toBe('pass');
  });
});

describe("bank-transfer NoOrphanedMoney (shrunk: transfers 2 -> 1, faults 2 -> 1, choices 37 -> 12, events 15 -> 8)", () => {
  const run: EncodedRun = {"system":"bank-transfer","design":"naive","world":"exhaustive","choices":"0*b.1","workload":1,"externalMode":"idempotent"};
  it("naive violates NoOrphanedMoney", async () => {
    const result = await replay(run);
    expect(result.kind === 'violation' ? result.violation.invariant : 'pass').toBe("NoOrphanedMoney");
  });
  it("reference holds on the same choices", async () => {
    const result = await replay({ ...run, design: "reference" });
    expect(result.kind === 'violation' ? result.violation.invariant : 'pass').toBe('pass');
  });
});
