/**
 * Benchmark of the explicit-state checker, in two parts.
 *
 * 1. bank-transfer/reference at its default constants (2,115,457 distinct
 *    states, the six invariants): distinct states per second of
 *    breadth-first search on one core with --fast (best of two runs), and
 *    once with the default checks on model code, so the cost of those checks
 *    is on record.
 * 2. Scale: the same model with four transfers (N=4 CRASHES=1 LOSSES=3
 *    ASKS=1: 33,444,373 distinct states) with --fast, on one worker thread
 *    and on two sharing the visited set: states per second, bytes per state
 *    (the search's arrays, and the process's peak resident memory), and a
 *    run under --max-memory that must stop cleanly. Skip it with --quick.
 *
 * With --tlc and TLA2TOOLS_JAR set, TLC runs the twin spec
 * (spec-tla/bank-transfer/Reference.tla) on the same constants with one and
 * with two workers, like for like; that takes TLC several minutes per run.
 * On a machine shared with other work the two-worker figures say little:
 * the report prints the load average next to them.
 *
 * A benchmark, not a test: nothing here fails on speed.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConstants } from '../model/checker/constants.ts';
import { prepare, runCheck, runCheckParallel } from '../model/checker/run.ts';
import { getModel } from '../model/registry.ts';

const MODEL = 'bank-transfer/reference';
const SCALE = ['N=4', 'CRASHES=1', 'LOSSES=3', 'ASKS=1'];
const args = process.argv.slice(2);

interface Run {
  distinct: number;
  generated: number;
  searchMs: number;
  bytesPerState: number;
  kind: string;
  reason?: string;
}

async function checkOnce(constants: string[], opts: { fast: boolean; maxBytes?: number; workers?: number }): Promise<Run> {
  const def = getModel(MODEL)!;
  const c = resolveConstants(def, constants);
  if (!c.ok) throw new Error(c.message);
  const n = c.value['N']!;
  // Liveness needs the full graph in memory; these runs measure the safety search.
  const prepared = prepare(def, c.value, Array.from({ length: n }, (_, t) => `Settles_${t}`), { fast: opts.fast });
  if (!prepared.ok) throw new Error(prepared.message);
  const run = { mode: { kind: 'exhaustive' as const }, maxStates: 500_000_000, strict: !opts.fast, ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) };
  const r = (opts.workers ?? 1) > 1 ? await runCheckParallel(prepared.value, { ...run, workers: opts.workers!, model: MODEL, fast: opts.fast, symmetry: true }) : runCheck(prepared.value, run);
  if (r.kind === 'model-error' || r.kind === 'violation') throw new Error(`expected the reference model to pass, got ${r.kind}`);
  return {
    distinct: r.stats.distinctStates,
    generated: r.stats.generatedStates,
    searchMs: r.stats.durationMs,
    bytesPerState: r.stats.memory?.bytesPerState ?? NaN,
    kind: r.kind,
    ...(r.kind === 'stopped' ? { reason: r.reason } : {}),
  };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const rate = (states: number, ms: number): string => `${fmt(states / (ms / 1000))} distinct states/s`;
const mib = (bytes: number): string => `${fmt(bytes / 2 ** 20)} MiB`;

function describe(label: string, r: Run): void {
  const load = loadavg()[0]!.toFixed(2);
  console.log(`  ${label}: ${fmt(r.distinct)} distinct (${fmt(r.generated)} generated) in ${(r.searchMs / 1000).toFixed(2)} s: ${rate(r.distinct, r.searchMs)}, ${r.bytesPerState} bytes/state (load average ${load})`);
}

/** TLC on Reference.tla with the given constants (a .cfg written next to a copy of the spec). */
function tlc(jar: string, constants: Record<string, string>, workers: number): void {
  const specDir = join(import.meta.dirname, '..', 'spec-tla', 'bank-transfer');
  const dir = mkdtempSync(join(tmpdir(), 'moneysim-bench-tlc-'));
  try {
    const cfg = readFileSync(join(specDir, 'Reference.cfg'), 'utf8').replace(/^(\s*)(\w+) = (\S+)$/gm, (line, indent: string, name: string) => (constants[name] !== undefined ? `${indent}${name} = ${constants[name]}` : line));
    writeFileSync(join(dir, 'Bench.cfg'), cfg);
    writeFileSync(join(dir, 'Reference.tla'), readFileSync(join(specDir, 'Reference.tla')));
    const started = performance.now();
    const out = execFileSync('java', ['-XX:+UseParallelGC', '-Xmx8g', '-cp', jar, 'tlc2.TLC', '-workers', String(workers), '-metadir', join(dir, 'meta'), '-config', 'Bench.cfg', 'Reference.tla'], { encoding: 'utf8', cwd: dir, maxBuffer: 256 << 20 });
    const ms = performance.now() - started;
    const distinct = Number(/([\d,]+) distinct states found, 0 states left/.exec(out)?.[1]?.replace(/,/g, '') ?? NaN);
    console.log(`  TLC -workers ${workers}: ${fmt(distinct)} distinct states in ${(ms / 1000).toFixed(1)} s, JVM start included: ${rate(distinct, ms)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`moneysim check benchmark: ${MODEL}, one core`);
console.log('default constants:');
for (let i = 1; i <= 2; i++) describe(`--fast, run ${i}`, await checkOnce([], { fast: true }));
describe('--fast --workers 2', await checkOnce([], { fast: true, workers: 2 }));
describe('with the checks on model code (the default)', await checkOnce([], { fast: false }));

if (!args.includes('--quick')) {
  console.log(`scale: ${SCALE.join(' ')}`);
  const big = await checkOnce(SCALE, { fast: true });
  describe('--fast', big);
  console.log(`  peak resident memory of this process so far: ${mib(process.resourceUsage().maxRSS * 1024)} (${fmt((process.resourceUsage().maxRSS * 1024) / big.distinct)} bytes per state, the JavaScript heap included)`);
  describe('--fast --workers 2', await checkOnce(SCALE, { fast: true, workers: 2 }));
  const bounded = await checkOnce(SCALE, { fast: true, maxBytes: 256 * 2 ** 20 });
  console.log(`  --max-memory 256MB: ${bounded.kind}: ${bounded.reason ?? 'finished'}`);
}

const jar = process.env['TLA2TOOLS_JAR'];
if (args.includes('--tlc')) {
  if (!jar) console.log('TLC: set TLA2TOOLS_JAR=/path/to/tla2tools.jar to measure it (see DEVELOPERS.md)');
  else {
    console.log('TLC, default constants (spec-tla/bank-transfer/Reference.cfg):');
    tlc(jar, {}, 1);
    if (!args.includes('--quick')) {
      const constants = { N: '4', Crashes: '1', Losses: '3', Asks: '1' };
      console.log(`TLC, scale constants (${SCALE.join(' ')}):`);
      tlc(jar, constants, 1);
      tlc(jar, constants, 2);
    }
  }
} else {
  console.log('TLC: not measured (add --tlc, with TLA2TOOLS_JAR set; the scale runs take TLC many minutes)');
}
