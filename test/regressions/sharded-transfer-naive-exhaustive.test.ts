// Test written by `moneysim explore --emit-test --emit-test-kind fails`: replays shrunk failures of sharded-transfer / naive.
// Kind "fails": each case asserts that the design still breaks the invariant it broke, a reproduction
// that passes while the bug is there and fails once it is fixed (use --emit-test-kind holds for a regression test).
import { describe, expect, it } from 'vitest';
import { replayOutcome, type EncodedRun } from '../../sim/explore/replay-encoded.ts';

describe("sharded-transfer BlocksMatchTransfers (shrunk: faults 0 -> 0, choices 0 -> 0, events 27 -> 27)", () => {
  const run: EncodedRun = {"system":"sharded-transfer","design":"naive","world":"exhaustive","choices":"~57","options":{"isolation":"read-committed","stubMode":"stateless","transfers":2}};
  it("naive violates BlocksMatchTransfers", async () => {
    expect(await replayOutcome(run)).toBe("BlocksMatchTransfers");
  });
  it("reference holds on the same choices", async () => {
    expect(await replayOutcome({ ...run, design: "reference" })).toBe('pass');
  });
});
