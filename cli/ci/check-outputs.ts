/**
 * `check --junit FILE` and `check --report FILE.html`: the two files are
 * validated before the search starts and written after it, with the CI
 * annotations and step summary, so the check command needs two calls.
 */
import type { CheckResult } from '../../model/checker/result.ts';
import type { Parsed } from '../args/parse-int.ts';
import { checkPageHtml } from '../report/check-page.ts';
import { parseOutputFile, writeOutputFile } from '../report/output-file.ts';
import { checkSuite } from './check-cases.ts';
import { emitCi } from './ci-output.ts';

export interface CheckOutputs {
  junit: string | null;
  report: string | null;
}

export function parseCheckOutputs(raw: { junit?: string; report?: string }): Parsed<CheckOutputs> {
  const junit = parseOutputFile(raw.junit, '--junit');
  if (!junit.ok) return junit;
  const report = parseOutputFile(raw.report, '--report', ['.html', '.htm']);
  if (!report.ok) return report;
  return { ok: true, value: { junit: junit.value, report: report.value } };
}

export function writeCheckOutputs(outputs: CheckOutputs, result: CheckResult, replay: string): Parsed<true> {
  const ci = emitCi(`moneysim check ${result.model}`, [checkSuite(result, replay)], { junitFile: outputs.junit, env: process.env });
  if (!ci.ok || outputs.report === null) return ci;
  return writeOutputFile(outputs.report, checkPageHtml(result, replay), '--report');
}
