/**
 * Where a command's CI view goes: the JUnit file when `--junit` names one,
 * and, when running under GitHub Actions (`GITHUB_ACTIONS=true`), an error
 * annotation per failure on standard error and one paragraph appended to the
 * file `$GITHUB_STEP_SUMMARY` names. Outside CI, and without `--junit`, it
 * does nothing, so commands can call it unconditionally.
 */
import { appendFileSync } from 'node:fs';
import type { Parsed } from '../args/parse-int.ts';
import { writeOutputFile } from '../report/output-file.ts';
import type { CiSuite } from './ci-case.ts';
import { annotationLines } from './gh-annotations.ts';
import { junitXml } from './junit-xml.ts';
import { stepSummary } from './step-summary.ts';

export interface CiTargets {
  junitFile: string | null;
  env: NodeJS.ProcessEnv;
}

export function emitCi(title: string, suites: readonly CiSuite[], targets: CiTargets): Parsed<true> {
  if (targets.junitFile !== null) {
    const written = writeOutputFile(targets.junitFile, junitXml(title, suites), '--junit');
    if (!written.ok) return written;
  }
  if (targets.env.GITHUB_ACTIONS !== 'true') return { ok: true, value: true };
  for (const line of annotationLines(suites)) process.stderr.write(line + '\n');
  const summaryFile = targets.env.GITHUB_STEP_SUMMARY;
  if (summaryFile !== undefined && summaryFile !== '') {
    try {
      appendFileSync(summaryFile, stepSummary(title, suites));
    } catch (err) {
      // The summary is a courtesy; a runner that cannot take it must not turn a result into a failure.
      process.stderr.write(`moneysim: could not append to GITHUB_STEP_SUMMARY (${summaryFile}): ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  return { ok: true, value: true };
}
