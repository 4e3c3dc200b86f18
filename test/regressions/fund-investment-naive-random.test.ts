// Test written by `moneysim explore --emit-test --emit-test-kind fails`: replays shrunk failures of fund-investment / naive.
// Kind "fails": each case asserts that the design still breaks the invariant it broke, a reproduction
// that passes while the bug is there and fails once it is fixed (use --emit-test-kind holds for a regression test).
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

describe("fund-investment RemittedAtMostOnce (shrunk: faults 69 -> 55, choices 856 -> 628, events 371 -> 326)", () => {
  const run: EncodedRun = {"system":"fund-investment","design":"naive","world":"swarm","choices":"0*3.1.0.0.1.0.1.0.1.0.1.3.1.0.o.9u.0.1.2.1.0.1.3.1l.pe.1.3.1*3.3.v.10r.0*4.1.3.1.3.1*3.3.1.3.1.4.1h.mp.4.3.0*3.1*3.2.25.0.1.1.2.0.1.1.2o.0.1.1j.2.2.0*3.8.0*3.7.0.9.0.3.1.1.0.0.2.1.0.1.0.6.0.23.8.0.5.0.4.0*3.2.0.2.0.0.2.7.0.6.0*3.8.0.5.0.0.3.1.1.0*5.6.1.0*3.2.0.2.0*3.1.0.6.1.0*4.1.0.0.1.3.0*3.2.1.0.a.0.0.1.9.0.3.0*3.6.0*3.6.0.7.0*5.4.0*3.9.0.3.0.4.0*3.2.0.9.0*3.5.0.5.1.0*3.5.0.1.0.8.0*3.a.0.7.0*3.9.1.0.0.3.1.1.0*7.6.0*3.7.0*3.a.0*5.a.0.3.0.0.1.1.0.0.3.3.0*3.4.0.6.0*5.7.0*3.a.0.1.0.9.0*3.6.0*3.7.0*3.7.0.8.0*3.5.0*3.3.0*3.4.1.0.9.0*5.6.0*3.a.0*4.4.0*5.8.0*3.4.0.9.0*3.5.0.1.0.0.6.1.1.0.0.3.a.0.0.2.8.1.0*3.9.0.9.0*3.8.0.1.0.7.0.0.1.9.0*3.3.0.6.0*4.5.0*3.2.0.8.0*3.2.0*5.9.0.0.3.1.0.0.1.0.1.0.v.4.1.0*3.7.0*3.1.2.7.0.c.7.0.0.1.0.a.0.0.1.a.0.4.0.1.0.8.2.46.7.0.6.1.0.1.0.6.0.1r.0.1.0*3.7.0.0.1.0*3.7.0.3.0*3.a.0*3.1.1.0*3.4.1.0.5.1.0*3.7.0.9.0.3.0*5.6.0*5.2.0.9.0*3.3.0.2.0.8.0*3.2.0.a.0.8.1.0*3.8.0*3.9.0*3.2.0.4.0*3.1.1.0.7.0.0.1.1.0.1.0.4.0.41.1.0*3.7.0.3.0*3.2.0.1.0.0.3.0.6.0.0.2.0.0.1.0.0.9.0*7.9.0*4.1.1.0*6.2.0*d.1.0*6.1~787"};
  it("naive violates RemittedAtMostOnce", async () => {
    expect(await replayOutcome(run)).toBe("RemittedAtMostOnce");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("fund-investment ExactlyOncePerKey (shrunk: faults 76 -> 2, choices 858 -> 50, events 281 -> 36)", () => {
  const run: EncodedRun = {"system":"fund-investment","design":"naive","world":"swarm","choices":"0*m.1.0.1.0*d.1.0*7.1.0.0.1~143"};
  it("naive violates ExactlyOncePerKey", async () => {
    expect(await replayOutcome(run)).toBe("ExactlyOncePerKey");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("fund-investment WorkDrains (shrunk: faults 12 -> 76, choices 5874 -> 620, events 7033 -> 7647)", () => {
  const run: EncodedRun = {"system":"fund-investment","design":"naive","world":"swarm","choices":"0.0.1.3.1.19.5g.1.13.90.0.1.0.1.0*6.1.1.0.1.2.1.1.1z.1hm.1.2.0.0.1.0.1.1.0.0.1.3.1.0.1.0*3.1.1.3.4.1.1.5.0.1.1y.2.0.0.3.2g.2.1.0.3.2.1.0.3.0.3.s.0.2.0.1.0.0.3.15.1.1.21.3.1.0.0.1.0.6.0.0.1.0.1.0.0.4.0.0.4.0.0.1.0*4.7.0*4.1.0.5.0.0.4.0.8.0.0.5.0.1.0.0.3.0*3.1.0.2.1.0.7.0*4.1.0.0.1.0.1.0.0.a.0.a.0.0.1.0.1.0.0.6.0*4.1.0.1.0.0.8.0*3.6.0.1.0.1.0.0.9.0.0.4.1.0.1.0.4.0.0.8.0.0.1.0.1.0.9.0.0.7.1.0.4.0.0.a.0.5.0*3.1.0.0.3.0.0.1.0.0.6.0*4.1.0.8.0*3.1.0*3.1.0.0.3.0.8.0*3.1.0*5.1.0.0.1.0.1.0.0.a.0.0.1.0*b.1.0.2.0.0.1.0.0.6.0.2.0.0.5.0.1.0.0.1.0.1.0.1.9.1.1.0.1.0.0.1.0.1.0.0.8.0.3.0.6.0*7.2.0.1.0.1.0.0.1.0.3.0.0.1.0.0.1.0.0.1.0.1.0*3.1.0.0.7.0.0.5.0*5.1.0.0.9.0*4.1.0*4.1.0.a.0*3.7.0.1.0.1.0.2.1.1.0.7.0.0.2.0.4.0*3.1.0.0.2.0.1.0.2.0*7.1.0.1.0*3.1.0.0.1.0*4.1.0.0.a.0.0.1.0.0.2.0.1.0*3.1.0*4.1.0.0.1.0.1.0.1.0.0.1.0.1.0.0.1.0.0.1.0.1.0*3.1.0.0.1.0.0.1.0.0.1.0.0.1.0*4.1.0.1.0.1.0.1.0*4.1.0*3.1.0.0.1.0.0.1.0.0.1.0.0.1.0*4.1.0.0.1.0.1.0*4.1.0.1.0.0.1.0*3.1.0.1.0.1.0*5.1.0.0.1.0.1.1.0*4.1.0.0.1.0.1.0.1.0.0.1.0*3.1.0.1.1.0.1.0.0.1.0.1.0.0.1.1.0.0.1.0.1.0.0.1.0.1.0.1.0.0.1.0.0.1.0*3.1.0.0.1.0.0.1.0.1.1~6207"};
  it("naive violates WorkDrains", async () => {
    expect(await replayOutcome(run)).toBe("WorkDrains");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("fund-investment NoOrphanedMoney (shrunk: faults 19 -> 0, choices 711 -> 41, events 430 -> 90)", () => {
  const run: EncodedRun = {"system":"fund-investment","design":"naive","world":"swarm","choices":"0*e.1.0*m.1*4~163"};
  it("naive violates NoOrphanedMoney", async () => {
    expect(await replayOutcome(run)).toBe("NoOrphanedMoney");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("fund-investment NotifiedExactlyOnce (shrunk: faults 7 -> 5, choices 1402 -> 430, events 610 -> 660)", () => {
  const run: EncodedRun = {"system":"fund-investment","design":"naive","world":"swarm","choices":"1.0*5.1.0.1.0.1.2.0*3.1.1.0.0.1.0*4.1*3.0.4.hn.1*3.0.1.0.1.0.1.2.0.2.d.bx.2.1.1.2.0.1.6.1.1.1g.1.3.1.0.20.0.3.1.1.x.1.3.0.0.x.1.3.0.1.1c.2.2.0*4.1.2i.2.0.1.1.2a.3.2.f.3.1.1h.2.2.0*3.4.0.7.0*3.5.0.7.0*3.a.0*3.5.0.3.0.a.0*3.7.0.2.0*3.1.1.0.7.0*3.3.0*5.2.0.7.0*3.7.0.5.0*3.8.0.9.0*3.2.0.2.0*3.2.0.2.0*3.9.0.6.0*3.1.0.2.0*3.5.0.8.0*3.9.0*3.8.0.6.0.8.0.1.0.0.3.10.1.0.1.0*3.2.0.5.0*3.9.0.6.0*3.a.0.6.0*5.5.0*3.6.0.2.0*3.2.0.5.0*5.a.0*5.6.0*3.a.0.1.0*3.5.0.3.0*3.4.0.1.0*3.a.0.6.0*3.a.0.5.1.0*3.9.0*3.3.0*3.7.0*3.8.0.6.0.1.0*3.a.0*3.6.0.0.5.0*3.5.0.8.0*3.8.0.1.0.a.0.z.a.0.9.0*4.5.0*3.3.0.9.0.5.0.0.9.0.7.0.2.0.0.8.0.0.3.0*3.4.0.a.0.3.0*3.2.0.0.2.0*3.3.0.5.0*3.9.0*3.3.1.0*3.3.0.0.6.0.1.0*5.5.0.a.0*3.9.0.0.9.0.0.1.0.4.0.0.6.0.9.0*3.1~1503"};
  it("naive violates NotifiedExactlyOnce", async () => {
    expect(await replayOutcome(run)).toBe("NotifiedExactlyOnce");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});

describe("fund-investment StateMatchesBooks (shrunk: faults 4 -> 9, choices 243 -> 219, events 73 -> 73)", () => {
  const run: EncodedRun = {"system":"fund-investment","design":"naive","world":"swarm","choices":"0.0.1.2.2.2n.c3.2.2a.g.2.2k.6a.2.1.0.0.1.3.1.3.1.0.1.0.1.1.d.86.0.0.1.0.1.1.12.e5.1*3.0.1.3.17.1hg.0.1.2.1.3.1.1.16.15y.0.0.1.0.1.1.0.3.4.1.4.2.0.3.0.1.2p.2.1.2*3.1.2.0.1.0.28.3.3.1.1.5.2.2.1o.0.2.40.1.1.0.0.4.1.0*4.1.0.0.9.0.0.9.8.5.0*4.8.1.0.6.0.34.2.4.2.1.0.0.9.0.0.5.9.0.0.1.0*3.7.0.0.9.8.0.0.3.0.1.0.a.9.0.4.1.0.0.3.0.0.6.6.0.3.7.7.1.0.1.0.5.0.0.1.6.7.0.0.4.0.0.5.1.8.0.1.0.4.0.8.9.4.0.0.9.0*3.1.0*3.1.0.0.2.0.1.0.1.1.0.0.2.0.0.1*3~248"};
  it("naive violates StateMatchesBooks", async () => {
    expect(await replayOutcome(run)).toBe("StateMatchesBooks");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});
