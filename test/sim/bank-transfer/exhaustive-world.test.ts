/**
 * The exhaustive world makes the faults of issue 7 reachable by enumeration:
 * a request held back in the network is a `fault` choice with three late
 * forms (n = 4 with "not late"), and one fault is enough for the enumeration
 * to visit runs in which a late request fires. Duplicate delivery at a
 * non-idempotent institution is enumerated too, and the reference holds.
 */
import { describe, expect, it } from 'vitest';
import type { ChoiceCandidate, ChoiceKind, ChoiceSource } from '../../../sim/choice/choice-source.ts';
import { DfsChoiceSource } from '../../../sim/choice/dfs-choice-source.ts';
import { exploreExhaustive } from '../../../sim/explore/exhaustive.ts';
import { bankTransferSystem } from '../../../sim/systems/bank-transfer-system.ts';
import { runCli } from '../../support/cli-harness.ts';
import { designOf } from '../explore/explore-support.ts';

/** Passes every choice to a DFS source and remembers which stream asked for how many options. */
class RecordingSource implements ChoiceSource {
  readonly asked: Array<{ kind: ChoiceKind; stream: string; n: number }> = [];

  constructor(private readonly inner: DfsChoiceSource) {}

  get log() {
    return this.inner.log;
  }

  choose(kind: ChoiceKind, stream: string, n: number, p?: number, candidates?: readonly ChoiceCandidate[]): number {
    this.asked.push({ kind, stream, n });
    return this.inner.choose(kind, stream, n, p, candidates);
  }

  noteDispatch(event: ChoiceCandidate): void {
    this.inner.noteDispatch(event);
  }
}

describe('the exhaustive world reaches late requests', () => {
  it('offers a late request as a fault choice with four options (not late, or late in one of three forms)', async () => {
    const source = new RecordingSource(new DfsChoiceSource([], { maxFaults: 1, maxDepth: 10_000 }));
    const r = await bankTransferSystem.run({ design: await designOf('reference'), seed: 0, choice: source, keepTrace: false, world: 'exhaustive', options: { transfers: 1, externalMode: 'idempotent' } });
    expect(r.kind).toBe('pass');
    const late = source.asked.filter((a) => a.stream === 'net.late');
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((a) => a.kind === 'fault' && a.n === 4)).toBe(true);
  });

  it('with one fault, the enumeration of one transfer visits runs in which a late request fires, and the reference holds', async () => {
    let lateRuns = 0;
    const out = await exploreExhaustive({
      system: bankTransferSystem,
      design: await designOf('reference'),
      options: { transfers: 1, externalMode: 'idempotent' },
      bounds: { maxFaults: 1, maxDepth: 10_000 },
      maxSchedules: 1_000_000,
      stopAtFirst: false,
      slices: [],
      onResult: (run) => {
        if ((run.faultsFired['net.lateRequest'] ?? 0) > 0) lateRuns++;
      },
    });
    expect(out.kind).toBe('done');
    if (out.kind !== 'done') return;
    console.log(`exhaustive, 1 transfer, 1 fault: ${out.tally.runs} schedules, ${lateRuns} with a late request`);
    expect(out.exhausted).toBe(true);
    expect(out.failures.map((f) => f.run.kind === 'violation' && f.run.violation.invariant)).toEqual([]);
    // Each point where a request may be held back yields one run per late form.
    expect(lateRuns).toBeGreaterThanOrEqual(3);
    expect(out.tally.coverage().faultsFired['net.lateRequest']).toBe(lateRuns);
  });
});

describe('duplicates at a non-idempotent institution in the exhaustive world', () => {
  it('explore --strategy exhaustive --external-mode non-idempotent --max-faults 1 --workload 1: exit 0 with duplicates delivered', async () => {
    const r = await runCli('explore', 'bank-transfer', '--strategy', 'exhaustive', '--external-mode', 'non-idempotent', '--max-faults', '1', '--workload', '1', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    console.log(`exhaustive non-idempotent: ${report.schedules} schedules, net.duplicate=${report.coverage.faultsFired['net.duplicate']}`);
    expect(report).toMatchObject({ ok: true, exhausted: true, bounds: { externalMode: 'non-idempotent', maxFaults: 1, transfers: 1 } });
    expect(report.coverage.faultsFired['net.duplicate']).toBeGreaterThan(0);
  });
});
