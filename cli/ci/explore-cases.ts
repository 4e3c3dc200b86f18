/**
 * An exploration as one CI test case (one per sweep, or per shard of it):
 * failed when it found a violation (each with its shrunk replay line and
 * trace), exceeded the latency budget, answered nothing, or missed required
 * coverage; its properties say what it covered. The case's name leaves out
 * the seeds, which change with every commit, so CI can follow the case's
 * history.
 */
import type { ExploreResult } from '../../sim/explore/explore.ts';
import type { FailureReport } from '../../sim/explore/minimise-failure.ts';
import { formatTraceText } from '../format/trace-text.ts';
import { foundReplay, shrunkReplay, sizeChange, slowestReplay } from '../format/sweep-report.ts';
import type { CiCase, CiFailure, CiSuite } from './ci-case.ts';
import { describeRuns, sweepFacts } from './sweep-covered.ts';

function violationFailure(r: ExploreResult, f: FailureReport): CiFailure {
  const shrunk = f.shrunk.run;
  const v = shrunk.kind === 'violation' ? shrunk.violation : f.violation;
  const found = f.found.recipe.world === 'swarm'
    ? [`found with seed ${f.found.recipe.seed} at step ${f.found.violation.step}: ${f.found.violation.message}`, `replay as found: ${foundReplay(r, f)}`]
    : ['found by exhaustive enumeration'];
  return {
    invariant: v.invariant,
    message: v.message,
    replay: shrunkReplay(r, f),
    origin: f.found.recipe.world === 'swarm' ? `found with seed ${f.found.recipe.seed} (${foundReplay(r, f)}), shrunk` : 'found by exhaustive enumeration, shrunk',
    detail: [
      ...found,
      `shrunk run: step ${v.step}, ${v.timeMs} ms virtual; ${sizeChange(f.found.sizes, f.shrunk.sizes)}`,
      `world of the shrunk run: ${shrunk.config.join(' ') || '(calm)'}`,
      'shrunk trace:',
      formatTraceText(shrunk.trace),
    ].join('\n'),
  };
}

function sweepFailures(r: ExploreResult, requireCoverage: boolean): CiFailure[] {
  const slowest = slowestReplay(r) ?? '';
  switch (r.kind) {
    case 'violation':
      return r.failures.map((f) => violationFailure(r, f));
    case 'latency-budget':
      return [{ invariant: 'LatencyBudget', message: `p99 ${r.latency.p99} ms over the sweep, ${r.runsOverBudget} run(s) with their own p99 above ${r.latencyBudgetP99Ms} ms`, replay: slowest, detail: 'the replay line reruns the run with the slowest answer' }];
    case 'no-answers':
      return [{ invariant: 'RequestsAnswered', message: `${r.schedules} runs and not one request was answered, so nothing about answers was tested`, replay: '', detail: '' }];
    case 'pass':
      if (!requireCoverage || r.coverage.probesMissed.length === 0) return [];
      return [{ invariant: 'Coverage', message: `probes never hit: ${r.coverage.probesMissed.join(', ')}`, replay: '', detail: 'with --require-coverage a probe that never fired fails the sweep' }];
    case 'nondeterminism':
      return [];
  }
}

/** `extra`: failures the command found itself (a nondeterministic design in --check-determinism); `notes`: extra properties (a time limit). */
export function exploreSuite(r: ExploreResult, requireCoverage: boolean, extra: CiFailure[] = [], notes: ReadonlyArray<readonly [string, string]> = []): CiSuite {
  const shard = r.shard === null ? '' : ` shard ${r.shard.index}/${r.shard.count}`;
  const c: CiCase = {
    classname: `moneysim.explore.${r.system}`,
    name: `${r.design}: ${r.strategy}${shard}`,
    timeSeconds: r.elapsedMs / 1000,
    properties: [...sweepFacts(r), ...notes],
    failures: [...sweepFailures(r, requireCoverage), ...extra],
    systemOut: [...sweepFacts(r), ...notes].map(([k, v]) => `${k}: ${v}`).join('\n'),
  };
  if (r.kind === 'nondeterminism') c.error = `nondeterminism: ${r.message}`;
  const limit = notes.find(([k]) => k === 'time limit');
  return {
    name: `moneysim explore ${r.system} --design ${r.design}`,
    timeSeconds: r.elapsedMs / 1000,
    cases: [c],
    note: `Explored ${r.system} / ${r.design} (${r.strategy}${shard}): ${describeRuns(r)}, ${r.events} events${limit === undefined ? '' : `; ${limit[1]}`}.`,
  };
}
