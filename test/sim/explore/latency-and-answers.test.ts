/**
 * How explore judges answers and latency, on a stub system whose runs are
 * scripted per seed: a sweep with no answers at all fails as 'no-answers';
 * one run whose own p99 exceeds the budget fails the sweep even when the
 * sweep's p99 does not, and the report names that run's seed and replay
 * line; a latency failure is still reported next to a violation when every
 * failure is kept (`--find all`).
 */
import { describe, expect, it } from 'vitest';
import { explore, type ExploreInput } from '../../../sim/explore/explore.ts';
import type { RunResult } from '../../../sim/run-result.ts';
import type { RunRequest, SystemDef } from '../../../sim/systems/system-def.ts';
import { formatExploreText } from '../../../cli/format/sweep-report.ts';

interface Script {
  answers: (seed: number) => number;
  latencies: (seed: number) => number[];
  violates?: (seed: number) => boolean;
}

/** A system whose runs are fixed by their seed, so replays and shrinking reproduce them exactly. */
function stubSystem(script: Script): SystemDef {
  return {
    id: 'stub',
    description: 'scripted runs for explorer tests',
    status: 'ready',
    designs: [{ name: 'scripted', description: 'scripted' }],
    defaultDesign: 'scripted',
    latencyBudgetP99Ms: 200,
    probes: [],
    worldOptions: [],
    scenarios: () => [],
    loadDesign: async () => ({ ok: true, design: {}, name: 'scripted' }),
    run: async (req: RunRequest): Promise<RunResult> => {
      const seed = req.seed;
      const stats = {
        seed,
        design: 'scripted',
        traceHash: `hash-${seed}`,
        events: 10,
        virtualTimeMs: 1000,
        latenciesMs: script.latencies(seed),
        answers: script.answers(seed),
        config: [],
        faultsFired: {},
        probes: {},
        choices: [],
        trace: [],
      };
      if (script.violates?.(seed) === true) return { kind: 'violation', violation: { invariant: 'StubBroken', message: `seed ${seed} is broken`, step: 3, timeMs: 40 }, ...stats };
      return { kind: 'pass', ...stats };
    },
  };
}

function input(system: SystemDef, seeds: number, stopAtFirst: boolean): ExploreInput {
  return {
    system,
    design: {},
    designName: 'scripted',
    strategy: 'random',
    seedStart: 1,
    seeds,
    pct: { depth: 3, stepsEstimate: 50 },
    exhaustive: { maxFaults: 2, maxDepth: 10_000, options: { transfers: 2, externalMode: 'idempotent' }, maxSchedules: 1_000_000, sleepSets: true },
    stopAtFirst,
    shrinkRuns: 10,
    workers: 1,
    shard: null,
  };
}

const SLOW_SEED = 137;
const plain = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('answers', () => {
  it('a sweep in which nothing was answered is no-answers, printed as NO ANSWERS, never ok', async () => {
    const r = await explore(input(stubSystem({ answers: () => 0, latencies: () => [] }), 20, true));
    expect(r.kind).toBe('no-answers');
    expect(r.schedules).toBe(20);
    const text = plain(formatExploreText(r, 'text', false));
    expect(text).toMatch(/^NO ANSWERS: 20 runs and not one request was answered/);
    expect(text).not.toMatch(/^ok/m);
  });

  it('one answer anywhere in the sweep is enough to judge it', async () => {
    const r = await explore(input(stubSystem({ answers: (s) => (s === 7 ? 1 : 0), latencies: (s) => (s === 7 ? [50] : []) }), 20, true));
    expect(r.kind).toBe('pass');
  });
});

describe('latency judged per run', () => {
  const slowOnce = { answers: () => 1, latencies: (s: number) => (s === SLOW_SEED ? [300] : [50]) };

  it('one run over the budget fails the sweep even when the sweep p99 is within it, and names that seed', async () => {
    const r = await explore(input(stubSystem(slowOnce), 200, true));
    console.log(`slow seed ${SLOW_SEED} among 200: kind ${r.kind}, sweep p99 ${r.latency.p99} ms`);
    expect(r.kind).toBe('latency-budget');
    expect(r.latency.p99).toBeLessThanOrEqual(200);
    expect(r.runsOverBudget).toBe(1);
    expect(r.slowest).toMatchObject({ seed: SLOW_SEED, latencyMs: 300 });
    const text = plain(formatExploreText(r, 'text', false));
    expect(text).toContain(`LATENCY BUDGET EXCEEDED: p99 ${r.latency.p99} ms over the sweep, 1 run(s) with their own p99 above 200 ms; slowest answer 300 ms at seed ${SLOW_SEED}`);
    expect(text).toContain(`replay: npx moneysim replay stub --design scripted --seed ${SLOW_SEED}`);
    expect(text).not.toMatch(/^ok/m);
  });

  it('with a violation as well, every failure kept: the result is the violation and the latency failure is still reported', async () => {
    const r = await explore(input(stubSystem({ ...slowOnce, violates: (s) => s === 5 }), 200, false));
    expect(r.kind).toBe('violation');
    expect(r.latencyExceeded).toBe(true);
    expect(r.runsOverBudget).toBe(1);
    const text = plain(formatExploreText(r, 'text', false));
    expect(text).toContain('VIOLATION StubBroken seed 5, step 3, 40 ms virtual');
    expect(text).toContain('1 invariant(s) violated: StubBroken');
    expect(text).toContain('LATENCY BUDGET EXCEEDED');
    expect(text).toContain(`replay: npx moneysim replay stub --design scripted --seed ${SLOW_SEED}`);
  });

  it('a sweep within budget in every run passes', async () => {
    const r = await explore(input(stubSystem({ answers: () => 1, latencies: () => [50, 200] }), 200, true));
    expect(r.kind).toBe('pass');
    expect(r.latencyExceeded).toBe(false);
    expect(r.runsOverBudget).toBe(0);
  });
});
