// Test written by `moneysim explore --emit-test --emit-test-kind fails`: replays shrunk failures of sharded-transfer / naive.
// Kind "fails": each case asserts that the design still breaks the invariant it broke, a reproduction
// that passes while the bug is there and fails once it is fixed (use --emit-test-kind holds for a regression test).
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

describe("sharded-transfer MoneyConserved (shrunk: faults 61 -> 7, choices 1676 -> 34, events 734 -> 194)", () => {
  const run: EncodedRun = {"system":"sharded-transfer","design":"naive","world":"swarm","choices":"0*4.1.0.1.0*4.1.0*7.1.0.0.1.0.0.1.0.0.1*6~399"};
  it("naive violates MoneyConserved", async () => {
    expect(await replayOutcome(run)).toBe("MoneyConserved");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("sharded-transfer ExactlyOncePerKey (shrunk: faults 43 -> 1, choices 1038 -> 30, events 422 -> 26)", () => {
  const run: EncodedRun = {"system":"sharded-transfer","design":"naive","world":"swarm","choices":"0*8.1.0.1.0*7.1.0.1.0*6.1.0.d~74"};
  it("naive violates ExactlyOncePerKey", async () => {
    expect(await replayOutcome(run)).toBe("ExactlyOncePerKey");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("sharded-transfer BlocksMatchTransfers (shrunk: faults 0 -> 0, choices 155 -> 0, events 48 -> 27)", () => {
  const run: EncodedRun = {"system":"sharded-transfer","design":"naive","world":"swarm","choices":"~55"};
  it("naive violates BlocksMatchTransfers", async () => {
    expect(await replayOutcome(run)).toBe("BlocksMatchTransfers");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("sharded-transfer PaidAtMostOnce (shrunk: faults 41 -> 43, choices 804 -> 405, events 417 -> 373)", () => {
  const run: EncodedRun = {"system":"sharded-transfer","design":"naive","world":"swarm","choices":"0.0.1.0.0.9.0.1.x.0*7.1.0.0.1.0.w.0.0.1.0.1.0*3.1.0.0.4.3.5.u.1.1.0.0.26.0*4.1.0.0.1.2.1.0.0.i.0*4.1.0*i.7.0.5.1.1.0.3.0.5.0.6.1.0.4.1.0*3.6.0.2.0.5.0.5.0.7.0.4.0*6.1.1.0*d.1.0.3.0.7.1.0.6.0.5.0.0.1.0*6.1.0*b.1.0*7.1.0.1.0.3.0.9.0.5.0*5.5.1.0.8.0.1.0.2.0.3.0.3.0*6.1*3.0.3.0.5.0.8.0.0.7.0.3.1.0.0.a.0.1.0.8.0.1.0*4.a.0.2.0.2.0.8.0.9.0.7.0.1.1.0.3.1.0.0.1.0*5.a.0.6.0.9.0.9.0.1.0.2.0.1.0.0.9.0.0.8.0.0.1.0.4.0.0.1.0.0.1.0.1.0.2.0.2.0.4.0.3.0.0.1.0*6.1.0.6.0.6.0.8.0.0.1.1.0.1.0.9.0.6.0*5.1.0*r.1.0.1.0*b.1.0.0.1.0.0.1.0.0.1.0*6.1*3.0*5.1.0*4.1.1.0.0.1.1.0.1.0.0.1~719"};
  it("naive violates PaidAtMostOnce", async () => {
    expect(await replayOutcome(run)).toBe("PaidAtMostOnce");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("sharded-transfer HonestAnswers (shrunk: faults 5 -> 6, choices 1422 -> 337, events 898 -> 885)", () => {
  const run: EncodedRun = {"system":"sharded-transfer","design":"naive","world":"swarm","choices":"1.0.3.0*5.1.0.1.0*5.1.0*4.1.0*4.21.0.1.4.0.2b.2.0.6.0.0.3.0.0.2.1.0.1.0*6.1.5.0.0.1.0*q.1.0.0.1.0*4.1.0*a.7.0*3.1.0*3c.9.0.1.0*h.1.1.0*g.1.0.0.1.0*h.1.1.0*3.1.0*1a.1~834"};
  it("naive violates HonestAnswers", async () => {
    expect(await replayOutcome(run)).toBe("HonestAnswers");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});
