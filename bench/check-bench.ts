/**
 * Benchmark of the explicit-state checker on bank-transfer/reference at its
 * default constants (about 2.1 million distinct states): distinct states per
 * second of breadth-first search on one core, best of several runs, then the
 * extra time the liveness check takes. With --tlc and TLA2TOOLS_JAR set, it
 * also runs TLC with one worker on the twin spec (spec-tla/bank-transfer/
 * Reference.cfg) for comparison; that takes a few minutes.
 *
 * A benchmark, not a test: nothing here fails on speed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConstants } from '../model/checker/constants.ts';
import { prepare, runCheck } from '../model/checker/run.ts';
import { getModel } from '../model/registry.ts';

const RUNS = 3;
const MODEL = 'bank-transfer/reference';
const LIVENESS = ['Settles_0', 'Settles_1', 'Settles_2'];

function checkOnce(skip: string[]): { distinct: number; generated: number; searchMs: number; totalMs: number } {
  const def = getModel(MODEL)!;
  const constants = resolveConstants(def, []);
  if (!constants.ok) throw new Error(constants.message);
  const prepared = prepare(def, constants.value, skip);
  if (!prepared.ok) throw new Error(prepared.message);
  const started = performance.now();
  const r = runCheck(prepared.value, { mode: { kind: 'exhaustive' }, maxStates: 50_000_000 });
  const totalMs = performance.now() - started;
  if (r.kind !== 'ok') throw new Error(`expected the reference model to pass, got ${r.kind}`);
  return { distinct: r.stats.distinctStates, generated: r.stats.generatedStates, searchMs: r.stats.durationMs, totalMs };
}

function rate(states: number, ms: number): string {
  return `${Math.round(states / (ms / 1000)).toLocaleString('en-US')} distinct states/s`;
}

function tlc(jar: string): void {
  const spec = join(import.meta.dirname, '..', 'spec-tla', 'bank-transfer');
  const meta = mkdtempSync(join(tmpdir(), 'moneysim-bench-tlc-'));
  try {
    const started = performance.now();
    const out = execFileSync('java', ['-Xmx8g', '-cp', jar, 'tlc2.TLC', '-workers', '1', '-metadir', meta, '-config', join(spec, 'Reference.cfg'), join(spec, 'Reference.tla')], { encoding: 'utf8', cwd: meta, maxBuffer: 64 << 20 });
    const ms = performance.now() - started;
    const distinct = Number(/([\d,]+) distinct states found, 0 states left/.exec(out)?.[1]?.replace(/,/g, '') ?? NaN);
    console.log(`TLC -workers 1 on spec-tla/bank-transfer/Reference.cfg: ${distinct.toLocaleString('en-US')} distinct states in ${(ms / 1000).toFixed(1)} s (JVM start included): ${rate(distinct, ms)}`);
  } finally {
    rmSync(meta, { recursive: true, force: true });
  }
}

console.log(`moneysim check benchmark: ${MODEL} at its default constants, ${RUNS} runs, one core`);
let best = Infinity;
let distinct = 0;
for (let i = 1; i <= RUNS; i++) {
  const r = checkOnce(LIVENESS);
  distinct = r.distinct;
  best = Math.min(best, r.searchMs);
  console.log(`  run ${i}: ${r.distinct.toLocaleString('en-US')} distinct (${r.generated.toLocaleString('en-US')} generated) in ${(r.searchMs / 1000).toFixed(2)} s: ${rate(r.distinct, r.searchMs)}`);
}
console.log(`best: ${rate(distinct, best)} (breadth-first search with all six invariants)`);
const withLiveness = checkOnce([]);
console.log(`with the three liveness properties as well: ${(withLiveness.totalMs / 1000).toFixed(2)} s in total (${rate(withLiveness.distinct, withLiveness.totalMs)} end to end)`);
const jar = process.env['TLA2TOOLS_JAR'];
if (process.argv.includes('--tlc')) {
  if (jar) tlc(jar);
  else console.log('TLC: set TLA2TOOLS_JAR=/path/to/tla2tools.jar to measure it (see DEVELOPERS.md)');
} else {
  console.log('TLC: not measured (add --tlc, with TLA2TOOLS_JAR set, to run it; it takes a few minutes)');
}
