/**
 * JUnit XML, the test report format CI systems render (GitHub via reporter
 * actions, GitLab, Jenkins, Azure, CircleCI): `testsuites` > `testsuite` >
 * `testcase`, a failed case holding one `failure` whose `type` is the
 * invariant, whose `message` is the violation's message, and whose text is
 * the message, the replay line and the trace. Several invariants broken by
 * one sweep share its one `failure` element, since most readers show only
 * the first. Text is escaped, and characters XML 1.0 cannot carry (control
 * characters, terminal colour codes) are dropped.
 */
import { countOf, type CiCase, type CiFailure, type CiSuite } from './ci-case.ts';

const NOT_XML = /\x1b\[[0-9;]*m|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

/** Text content; a carriage return is written as a reference, since parsers turn a literal one into a newline. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value; newlines and tabs as references, since parsers turn literal ones into spaces. */
export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function seconds(s: number | undefined): string {
  return s === undefined ? '' : ` time="${s.toFixed(3)}"`;
}

function failureText(f: CiFailure): string {
  return [`${f.invariant}: ${f.message}`, `replay: ${f.replay}`, '', f.detail].join('\n').trimEnd();
}

function failureElement(failures: readonly CiFailure[]): string {
  const first = failures[0]!;
  const message = failures.length === 1 ? first.message : `${failures.map((f) => f.invariant).join(', ')} violated; first: ${first.message}`;
  const body = failures.map(failureText).join('\n\n' + '-'.repeat(72) + '\n\n');
  return `      <failure type="${xmlAttr(first.invariant)}" message="${xmlAttr(message)}">${xmlText(body)}</failure>`;
}

function caseElement(c: CiCase): string {
  const head = `    <testcase classname="${xmlAttr(c.classname)}" name="${xmlAttr(c.name)}"${seconds(c.timeSeconds)}`;
  const inner: string[] = [];
  if (c.properties !== undefined && c.properties.length > 0) {
    inner.push('      <properties>', ...c.properties.map(([k, v]) => `        <property name="${xmlAttr(k)}" value="${xmlAttr(v)}"/>`), '      </properties>');
  }
  if (c.error !== undefined) inner.push(`      <error type="CouldNotCheck" message="${xmlAttr(c.error)}">${xmlText(c.error)}</error>`);
  else if (c.failures !== undefined && c.failures.length > 0) inner.push(failureElement(c.failures));
  if (c.systemOut !== undefined) inner.push(`      <system-out>${xmlText(c.systemOut)}</system-out>`);
  return inner.length === 0 ? `${head}/>` : [`${head}>`, ...inner, '    </testcase>'].join('\n');
}

function suiteElement(s: CiSuite): string {
  const n = countOf([s]);
  const head = `  <testsuite name="${xmlAttr(s.name)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}" skipped="0"${seconds(s.timeSeconds)}>`;
  return [head, ...s.cases.map(caseElement), '  </testsuite>'].join('\n');
}

export function junitXml(name: string, suites: readonly CiSuite[]): string {
  const n = countOf(suites);
  const total = suites.every((s) => s.timeSeconds !== undefined) ? suites.reduce((t, s) => t + s.timeSeconds!, 0) : undefined;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttr(name)}" tests="${n.tests}" failures="${n.failures}" errors="${n.errors}"${seconds(total)}>`,
    ...suites.map(suiteElement),
    '</testsuites>',
    '',
  ].join('\n');
}
