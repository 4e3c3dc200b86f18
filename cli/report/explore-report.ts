/**
 * The report `explore --report` writes: for a violation, the page of the
 * first failure it printed, drawn from its shrunk run, replayed once more
 * with the fakes' books watched (the shrunk run's trace hash is checked, so
 * the page shows exactly the run the replay line reproduces); for anything
 * else, the sweep's verdict and coverage.
 */
import type { ExploreResult } from '../../sim/explore/explore.ts';
import { replayRecipe } from '../../sim/explore/run-recipe.ts';
import type { SystemDef } from '../../sim/systems/system-def.ts';
import { sweepFacts } from '../ci/sweep-covered.ts';
import { foundReplay, shrunkReplay } from '../format/sweep-report.ts';
import { watchBooks } from './book-watch.ts';
import { runPageHtml } from './run-page.ts';
import { sweepPageHtml } from './sweep-page.ts';
import { truthSeries, type TruthOutcome } from './truth-series.ts';

export async function exploreReportHtml(system: SystemDef, design: unknown, r: ExploreResult, command: string, requireCoverage: boolean): Promise<string> {
  if (r.kind !== 'violation') return sweepPageHtml(r, command, requireCoverage);
  const f = r.failures[0]!;
  const { value: run, books } = await watchBooks(() => replayRecipe(system, design, f.shrunk.recipe, true));
  const truth: TruthOutcome = run.traceHash === f.shrunk.run.traceHash
    ? truthSeries(run.trace, books)
    : { kind: 'none', reason: `replaying the shrunk run gave trace hash ${run.traceHash}, not ${f.shrunk.run.traceHash}` };
  const fromSeed = f.found.recipe.world === 'swarm';
  const replays = [{ what: 'shrunk run', line: shrunkReplay(r, f) }, ...(fromSeed ? [{ what: `as found`, line: foundReplay(r, f) }] : [])];
  const others = r.failures.slice(1).map((o) => [`also violated: ${o.violation.invariant}`, shrunkReplay(r, o)] as [string, string]);
  const shrinking: [string, string] = ['shrinking', `${f.shrunk.runs} replays; found at step ${f.found.violation.step}, shrunk to step ${f.violation.step}`];
  return runPageHtml({
    command,
    system: system.id,
    run: f.shrunk.run,
    origin: fromSeed ? `the shrunk choices of seed ${f.found.recipe.seed}` : 'an exhaustive schedule, shrunk',
    replays,
    truth,
    context: [...sweepFacts(r), shrinking, ...others],
    contextTitle: 'The exploration that found it',
  });
}
