/**
 * A model check as one CI test case: failed on a counterexample (the
 * property, its description, the replay line and the counterexample as
 * TLC-style text), in error on a model error, passed otherwise (a search a
 * --max-states bound stopped says so in its properties).
 */
import type { CheckResult } from '../../model/checker/result.ts';
import { traceLines } from '../format/check-text.ts';
import type { CiCase, CiSuite } from './ci-case.ts';

export function checkSuite(r: CheckResult, replay: string): CiSuite {
  const c: CiCase = { classname: 'moneysim.check', name: r.model };
  if (r.kind === 'model-error') {
    c.error = `model error: ${r.message}`;
  } else {
    c.timeSeconds = r.stats.durationMs / 1000;
    c.properties = [
      ['constants', Object.entries(r.constants).map(([k, v]) => `${k}=${v}`).join(' ') || '(none)'],
      ['mode', r.mode.kind],
      ['distinct states', String(r.stats.distinctStates)],
      ['depth', String(r.stats.depth)],
      ...(r.kind === 'stopped' ? [['stopped', r.reason] as [string, string]] : []),
    ];
    if (r.kind === 'violation') {
      const v = r.violation;
      c.failures = [{ invariant: v.property, message: v.description, replay, detail: traceLines(v.trace, v.loopIndex, v.stuttering).join('\n') }];
    }
  }
  return { name: `moneysim check ${r.model}`, timeSeconds: c.timeSeconds, cases: [c] };
}
