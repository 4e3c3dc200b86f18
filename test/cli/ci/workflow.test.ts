/**
 * The example workflow (.github/workflows/moneysim.yml) is plain YAML with
 * the shape GitHub Actions requires, shards its sweep over exactly the
 * matrix it declares, seeds it from the commit, and its moneysim commands
 * run here as written: each `run:` block goes to bash with the workflow's
 * own `env:` (reports redirected to a temporary folder, a short budget) and
 * `${{ matrix.shard }}` filled in, then its JUnit and HTML outputs are read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAll, parseXml } from './xml-reader.ts';
import { parseYaml, type Yaml } from './yaml-subset.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const WORKFLOW = join(ROOT, '.github/workflows/moneysim.yml');

type Map = { [key: string]: Yaml };
const asMap = (v: Yaml | undefined): Map => {
  if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) throw new Error(`expected a mapping, got ${JSON.stringify(v)}`);
  return v;
};
const asList = (v: Yaml | undefined): Yaml[] => {
  if (!Array.isArray(v)) throw new Error(`expected a sequence, got ${JSON.stringify(v)}`);
  return v;
};

const workflow = asMap(parseYaml(readFileSync(WORKFLOW, 'utf8')));
const jobs = asMap(workflow.jobs);
const stepsOf = (job: string): Map[] => asList(asMap(jobs[job]).steps).map(asMap);

describe('the example workflow', () => {
  it('has the shape GitHub Actions requires: triggers, jobs with a runner and steps that each use an action or run commands', () => {
    expect(Object.keys(workflow)).toEqual(['name', 'on', 'env', 'jobs']);
    expect(Object.keys(asMap(workflow.on))).toEqual(['push', 'pull_request']);
    for (const [name, job] of Object.entries(jobs)) {
      expect(asMap(job)['runs-on'], name).toBe('ubuntu-latest');
      for (const step of stepsOf(name)) {
        expect(('uses' in step) !== ('run' in step), JSON.stringify(step)).toBe(true);
        for (const key of Object.keys(step)) expect(['name', 'uses', 'run', 'with', 'if', 'env'], key).toContain(key);
      }
    }
    const commands = Object.keys(jobs).flatMap((j) => stepsOf(j).map((s) => s.run).filter((r) => r !== undefined));
    expect(commands).toEqual(expect.arrayContaining(['npm ci', 'npm test']));
    // Every expression names something the workflow defines.
    const expressions = readFileSync(WORKFLOW, 'utf8').match(/\$\{\{[^}]*\}\}/g) ?? [];
    expect(new Set(expressions.map((e) => e.replace(/\s+/g, ' ')))).toEqual(new Set(['${{ matrix.shard }}', '${{ env.REPORTS }}']));
  });

  it('shards the sweep over exactly its matrix and seeds it from the commit hash', () => {
    const shards = asList(asMap(asMap(asMap(jobs.sweep).strategy).matrix).shard);
    expect(shards).toEqual([1, 2, 3, 4]);
    const sweep = stepsOf('sweep').find((s) => typeof s.run === 'string' && s.run.includes('moneysim explore'))!.run as string;
    expect(sweep).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
    expect(sweep).toMatch(/seed_start=\$\(\( 16#\$\(git rev-parse HEAD \| cut -c1-7\) \)\)/);
    expect(sweep).toContain('--seed-start "$seed_start"');
    expect(sweep).toContain('--time-limit "$SWEEP_TIME_LIMIT"');
  });

  it('its moneysim commands run locally as written, and write the JUnit files and the report they name', () => {
    const reports = mkdtempSync(join(tmpdir(), 'moneysim-workflow-'));
    const env = { ...process.env, ...asMap(workflow.env), REPORTS: reports, SWEEP_TIME_LIMIT: '2s', GITHUB_ACTIONS: '' } as NodeJS.ProcessEnv;
    const blocks = Object.keys(jobs)
      .flatMap((j) => stepsOf(j))
      .map((s) => s.run)
      .filter((r): r is string => typeof r === 'string' && r.includes('moneysim'));
    expect(blocks).toHaveLength(2);
    // Others may commit while the sweep runs: its seed comes from the commit it saw, before or after.
    const headSeed = (): number => parseInt(spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.slice(0, 7), 16);
    const before = headSeed();
    let printed = '';
    for (const block of blocks) {
      const script = block.replace(/\$\{\{ matrix\.shard \}\}/g, '2');
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', script], { cwd: ROOT, env, encoding: 'utf8', timeout: 300_000 });
      expect(r.status, `${script}\n${r.stdout}\n${r.stderr}`).toBe(0);
      printed += r.stdout;
    }
    const start = Number(/^sweep seeds from (\d+), shard 2\/4$/m.exec(printed)?.[1]);
    expect([before, headSeed()]).toContain(start);
    const scenarios = parseXml(readFileSync(join(reports, 'scenarios.xml'), 'utf8'));
    expect(Number(scenarios.attrs.tests)).toBeGreaterThan(10);
    expect(scenarios.attrs.failures).toBe('0');
    const sweep = parseXml(readFileSync(join(reports, 'sweep-2.xml'), 'utf8'));
    const props = Object.fromEntries(findAll(sweep, 'property').map((p) => [p.attrs.name, p.attrs.value]));
    expect(props.strategy).toBe('random, shard 2/4');
    expect(props.ran).toMatch(new RegExp(`^seeds? ${start + 1}\\b`));
    expect(props['time limit']).toMatch(/^time limit 2s reached/);
    expect(existsSync(join(reports, 'sweep-2.html'))).toBe(true);
    rmSync(reports, { recursive: true, force: true });
  }, 300_000);
});

describe('the YAML reader the workflow test relies on', () => {
  it('reads nesting, sequences of mappings, literal blocks and flow lists', () => {
    const doc = parseYaml('a:\n  b: [1, x]\n  c:\n    - d: 1\n      e: "q: r"\n    - plain # comment\n  f: |\n    one\n      two\n');
    expect(doc).toEqual({ a: { b: [1, 'x'], c: [{ d: 1, e: 'q: r' }, 'plain'], f: 'one\n  two\n' } });
  });

  it.each([
    ['a:\n\tb: 1', 'tab in indentation'],
    ['a: 1\na: 2', 'given twice'],
    ['a:\n  b: 1\n   c: 2', 'indentation'],
    ['a: &anchor 1', 'anchors'],
    ['a: "open', 'unterminated'],
  ])('refuses %j', (source, why) => {
    expect(() => parseYaml(source)).toThrow(why);
  });
});
