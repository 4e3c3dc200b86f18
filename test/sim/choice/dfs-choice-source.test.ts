/**
 * Depth-first enumeration over a synthetic program whose choice points are
 * known in advance: every leaf within the fault budget is visited exactly
 * once, and the depth bound cuts branching, not the run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, DfsChoiceSource, type DfsBounds, type DfsNode } from '../../../sim/choice/dfs-choice-source.ts';

type Spec = { kind: 'fault' } | { kind: 'schedule'; n: number } | { kind: 'data'; n: number };

function enumerate(program: Spec[], bounds: DfsBounds): string[] {
  const leaves: string[] = [];
  const path: DfsNode[] = [];
  do {
    const source = new DfsChoiceSource(path, bounds);
    for (const s of program) {
      if (s.kind === 'fault') source.choose('fault', 'f', 2);
      else source.choose(s.kind, 's', s.n);
    }
    expect(source.mismatch).toBeNull();
    leaves.push(source.log.values.join(','));
  } while (advance(path));
  return leaves;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 0; i < k; i++) r = (r * (n - i)) / (i + 1);
  return Math.round(r);
}

const specArb: fc.Arbitrary<Spec> = fc.oneof(
  fc.constant<Spec>({ kind: 'fault' }),
  fc.integer({ min: 2, max: 3 }).map((n): Spec => ({ kind: 'schedule', n })),
  fc.integer({ min: 2, max: 5 }).map((n): Spec => ({ kind: 'data', n })),
);

describe('DfsChoiceSource', () => {
  it('visits every leaf within the fault budget exactly once', () => {
    fc.assert(
      fc.property(fc.array(specArb, { maxLength: 8 }), fc.integer({ min: 0, max: 3 }), (program, maxFaults) => {
        const leaves = enumerate(program, { maxFaults, maxDepth: 1_000 });
        const faults = program.filter((s) => s.kind === 'fault').length;
        let faultLeaves = 0;
        for (let i = 0; i <= Math.min(maxFaults, faults); i++) faultLeaves += binomial(faults, i);
        const schedules = program.reduce((p, s) => (s.kind === 'schedule' ? p * s.n : p), 1);
        expect(new Set(leaves).size).toBe(leaves.length);
        expect(leaves.length).toBe(faultLeaves * schedules);
      }),
      { numRuns: 200, seed: 4242 },
    );
    console.log('fast-check seed 4242');
  });

  it('answers data choices with 0 and never branches on them', () => {
    const leaves = enumerate([{ kind: 'data', n: 9 }, { kind: 'fault' }], { maxFaults: 1, maxDepth: 10 });
    expect(leaves).toEqual(['0,0', '0,1']);
  });

  it('takes the simplest option past the depth bound, so a run continues but does not branch', () => {
    const program: Spec[] = [{ kind: 'fault' }, { kind: 'fault' }, { kind: 'fault' }];
    expect(enumerate(program, { maxFaults: 3, maxDepth: 2 })).toEqual(['0,0,0', '0,1,0', '1,0,0', '1,1,0']);
  });
});
