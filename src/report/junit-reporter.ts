/**
 * `junit.xml` for CI: one testsuite per PROFILE section, one testcase per check. A SHOULD
 * failure is a failure only under --strict; otherwise it passes with the warning attached, so CI
 * shows it without turning the build red.
 */
import { join } from 'node:path';
import type { Reporter } from '../core/reporter';
import type { CheckResult, RunReport } from '../core/types';
import { formatFailure } from './failure-format';
import { writeReportFile } from './files';
import { compareSections, elapsedMs, oneLine, sectionOf } from './text';
import { attrs, xmlText } from './xml';

export const JUNIT_FILE = 'junit.xml';

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** The testsuite (and testcase classname) of a check: `PROFILE 1.2` for clause `1.2/...`. */
export function suiteName(result: CheckResult): string {
  return `PROFILE ${sectionOf(result.check.ref.clause)}`;
}

/** Whether a result counts as a JUnit failure: failed always, warning only when strict. */
const isFailure = (result: CheckResult, strict: boolean) => result.status === 'failed' || (strict && result.status === 'warning');

function failureText(result: CheckResult): { message: string; body: string } {
  if (result.failure) return { message: oneLine(result.failure.message), body: formatFailure(result.failure) };
  // A failed result should carry its Failure; if it does not, still say which check it was.
  return { message: `${result.status} without details`, body: `[${result.check.id}] ${result.check.title}: ${result.status}` };
}

function testcase(result: CheckResult, strict: boolean): string {
  const head = `    <testcase ${attrs({ classname: suiteName(result), name: `[${result.check.id}] ${result.check.title}`, time: seconds(result.durationMs) })}`;
  if (result.status === 'passed') return `${head}/>`;
  if (result.status === 'skipped') return `${head}>\n      <skipped ${attrs({ message: oneLine(result.skipReason ?? 'skipped') })}/>\n    </testcase>`;
  const { message, body } = failureText(result);
  if (isFailure(result, strict)) {
    const type = result.status === 'failed' ? 'MUST' : 'SHOULD';
    return `${head}>\n      <failure ${attrs({ message, type })}>${xmlText(body)}</failure>\n    </testcase>`;
  }
  return [
    `${head}>`,
    `      <properties><property name="paycert.status" value="warning"/></properties>`,
    `      <system-out>${xmlText(`WARNING (SHOULD): ${body}`)}</system-out>`,
    `    </testcase>`,
  ].join('\n');
}

function testsuite(name: string, results: readonly CheckResult[], strict: boolean): string {
  const failures = results.filter((r) => isFailure(r, strict)).length;
  const skipped = results.filter((r) => r.status === 'skipped').length;
  const time = results.reduce((sum, r) => sum + r.durationMs, 0);
  const open = `  <testsuite ${attrs({ name, tests: results.length, failures, errors: 0, skipped, time: seconds(time) })}>`;
  return [open, ...results.map((r) => testcase(r, strict)), '  </testsuite>'].join('\n');
}

/** The report as a JUnit XML document (testsuites, then a testsuite per section in number order). */
export function junitXml(report: RunReport): string {
  const sections = new Map<string, CheckResult[]>();
  for (const result of report.checks) {
    const name = suiteName(result);
    const list = sections.get(name) ?? [];
    list.push(result);
    sections.set(name, list);
  }
  const names = [...sections.keys()].sort((a, b) => compareSections(a.slice('PROFILE '.length), b.slice('PROFILE '.length)));
  const failures = report.checks.filter((r) => isFailure(r, report.strict)).length;
  const wall = elapsedMs(report.startedAt, report.endedAt) ?? report.checks.reduce((sum, r) => sum + r.durationMs, 0);
  const properties = {
    'paycert.target': report.target.baseUrl,
    'paycert.profile': report.profile,
    'paycert.harnessVersion': report.harnessVersion,
    'paycert.verdict': report.verdict,
    'paycert.strict': String(report.strict),
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attrs({ name: 'paycert', tests: report.checks.length, failures, errors: 0, skipped: report.checks.filter((r) => r.status === 'skipped').length, time: seconds(wall) })}>`,
    '  <properties>',
    ...Object.entries(properties).map(([name, value]) => `    <property ${attrs({ name, value })}/>`),
    '  </properties>',
    ...names.map((name) => testsuite(name, sections.get(name) ?? [], report.strict)),
    '</testsuites>',
    '',
  ].join('\n');
}

/** Writes `junit.xml` into `dir` when the run ends. */
export class JunitReporter implements Reporter {
  /** Where the XML is written. */
  readonly file: string;

  constructor(private readonly dir: string) {
    this.file = join(dir, JUNIT_FILE);
  }

  onEnd(report: RunReport): void {
    writeReportFile(this.dir, JUNIT_FILE, junitXml(report));
  }
}
