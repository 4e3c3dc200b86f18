/**
 * A replay reproduces exactly the run it names, or refuses: a seed with the
 * strategy (random or pct) that drew it gives the same trace hash; a choice
 * vector carries the number of choices of its run, so a vector cut short
 * while copying, or one that the run no longer follows, exits 2; a seed and
 * a vector together exit 2.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { recipeReplayLine, seedReplayLine } from '../../cli/format/replay-line.ts';
import { decodeChoices, encodeChoices } from '../../sim/choice/choice-vector-codec.ts';
import { explore } from '../../sim/explore/explore.ts';
import type { FailureReport } from '../../sim/explore/minimise-failure.ts';
import { exploreInput } from '../sim/explore/explore-support.ts';
import { runCli } from '../support/cli-harness.ts';
import { moneysimArgs } from './shell-words.ts';

async function firstFailure(patch: Parameters<typeof exploreInput>[1]): Promise<FailureReport> {
  const r = await explore(await exploreInput('naive', { stopAtFirst: true, shrinkRuns: 300, ...patch }));
  if (r.kind !== 'violation') throw new Error(`expected the naive design to fail, got ${r.kind}`);
  return r.failures[0]!;
}

describe('choice vectors carry their run length', () => {
  it('encodes the count after ~ and decodes it back', () => {
    const values = [0, 1, 1, ...Array<number>(26).fill(0), 1, 0, 0];
    expect(encodeChoices(values, 56)).toBe('0.1.1.0*q.1~56');
    expect(decodeChoices('0.1.1.0*q.1~56')).toEqual({ ok: true, values: values.slice(0, 30), choicesMade: 56 });
    expect(encodeChoices([], 0)).toBe('~0');
    // Values the run never read are not part of it.
    expect(encodeChoices([2, 0, 3], 2)).toBe('2~2');
  });

  it('refuses a count smaller than the vector and a malformed count', () => {
    expect(decodeChoices('0.1.1.0*q.1~5')).toMatchObject({ ok: false, message: expect.stringMatching(/holds 30 choices but declares 5/) });
    expect(decodeChoices('0.1~')).toMatchObject({ ok: false, message: expect.stringMatching(/malformed choice count/) });
    expect(decodeChoices('0.1~2~3')).toMatchObject({ ok: false });
  });
});

describe('replay from a recorded vector', () => {
  let failure: FailureReport;
  let args: string[];
  beforeAll(async () => {
    failure = await firstFailure({ seeds: 200 });
    args = moneysimArgs(recipeReplayLine('bank-transfer', 'naive', failure.shrunk.recipe, failure.shrunk.run.choices.length));
  }, 60_000);

  it('the printed shrunk line, parsed by sh, reproduces the shrunk run (exit 1, same trace hash)', async () => {
    const r = await runCli(...args, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ traceHash: failure.shrunk.run.traceHash, violation: { invariant: failure.violation.invariant } });
    // The replay prints a line of its own that is the same line.
    expect(moneysimArgs(JSON.parse(r.out).violation.replay)).toEqual(args);
  });

  it('a vector that lost its ~N tail (cut while copying) exits 2', async () => {
    const at = args.indexOf('--choices') + 1;
    const cut = [...args];
    cut[at] = args[at]!.slice(0, args[at]!.indexOf('~'));
    const r = await runCli(...cut);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--choices: the vector does not end in ~N/);
    expect(r.out).toBe('');
  });

  it('a vector whose run makes a different number of choices than recorded exits 2', async () => {
    const at = args.indexOf('--choices') + 1;
    const decoded = decodeChoices(args[at]!);
    if (!decoded.ok) throw new Error(decoded.message);
    const wrong = [...args];
    wrong[at] = encodeChoices(decoded.values, decoded.choicesMade! + 5);
    const r = await runCli(...wrong);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/records a run of \d+ choices, but this replay made \d+, so it is not the recorded run/);
    expect(r.out).toBe('');
  });

  it('a count smaller than the choices the vector holds exits 2', async () => {
    const r = await runCli('replay', 'bank-transfer', '--design', 'naive', '--choices', '0.1.1.0*q.1~5');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds 30 choices but declares 5/);
  });
});

describe('replay flags that contradict each other exit 2', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--seed', '2', '--choices', '0.1~2'], /--seed and --choices exclude each other/],
    [['--choices', '0.1~2', '--strategy', 'pct'], /--strategy applies to --seed replays only/],
    [['--seed', '2', '--pct-depth', '3'], /--pct-depth applies to --strategy pct only/],
    [['--seed', '2', '--strategy', 'exhaustive'], /--strategy must be random or pct/],
    [['--seed', '2', '--strategy', 'pct', '--pct-steps', '0'], /--pct-steps must be at least 1/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const r = await runCli('replay', 'bank-transfer', ...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    });
  }
});

describe('replay of a pct seed', () => {
  it('with the pct flags of its line, reproduces the trace hash the sweep found', async () => {
    const strategy = { kind: 'pct' as const, depth: 3, stepsEstimate: 20 };
    const failure = await firstFailure({ strategy: 'pct', pct: { depth: strategy.depth, stepsEstimate: strategy.stepsEstimate }, seeds: 300 });
    const line = seedReplayLine('bank-transfer', 'naive', failure.found.recipe.seed, strategy);
    expect(line).toContain('--strategy pct --pct-depth 3 --pct-steps 20');
    const r = await runCli(...moneysimArgs(line), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).traceHash).toBe(failure.found.traceHash);
  }, 60_000);
});
