/**
 * `junit.xml` for CI, valid against the Jenkins xunit plugin's `junit-10.xsd` (a copy is in
 * testdata/, and junit-schema.test.ts validates against it with xmllint).
 *
 * JUnit knows three outcomes: pass, failure (or error) and skipped; GitLab, GitHub's JUnit actions
 * and Jenkins show nothing else, and GitLab ignores `<system-out>` and `<properties>` of a passing
 * test. So whatever needs attention without failing the build is a `<skipped>` whose `type` and
 * `message` say what it is: a SHOULD warning (`type="warning"`, `WARNING (SHOULD) ...`), a failure
 * the baseline expects (`type="known-failure"`, `KNOWN FAILURE ...`) and a baselined check that
 * now passes (`type="baseline-fixed"`, `FIXED ...`). Under --strict a warning and a fixed entry
 * are failures, as the verdict says; an expired baseline entry is always one. Test names never
 * change with the outcome (`[id] title`), so CI history follows a check from run to run.
 * README.md, "In CI", documents this.
 */
import { join } from 'node:path';
import type { Reporter } from '../core/reporter';
import type { BaselineMark, CheckResult, RunReport } from '../core/types';
import { formatFailure } from './failure-format';
import { writeReportFile } from './files';
import { filtersLine } from './status';
import { compareSections, elapsedMs, oneLine, sectionOf } from './text';
import { attrs, xmlText } from './xml';

export const JUNIT_FILE = 'junit.xml';

/** The name of the first testsuite, which holds the run's properties and verdict but no testcase. */
export const RUN_SUITE = 'paycert run';

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** The testsuite of a check: `PROFILE 1.2` for clause `1.2/...`. */
export function suiteName(result: CheckResult): string {
  return `PROFILE ${sectionOf(result.check.ref.clause)}`;
}

/**
 * The testcase classname: `paycert.<profile>.PROFILE 1_2`. Jenkins splits a classname at its
 * last dot into package and class, so the section's dot would make a class named `2`.
 */
export function className(report: Pick<RunReport, 'profile'>, result: CheckResult): string {
  return `paycert.${report.profile.replace(/\./g, '_')}.PROFILE ${sectionOf(result.check.ref.clause).replace(/\./g, '_')}`;
}

/** What a testcase holds besides its name: one outcome element, or none for a plain pass. */
type Outcome = { element: 'failure' | 'skipped'; type?: string; message: string; body?: string } | undefined;

function failureText(result: CheckResult): { message: string; body: string } {
  if (result.failure) return { message: oneLine(result.failure.message), body: formatFailure(result.failure) };
  // A failed result should carry its Failure; if it does not, still say which check it was.
  return { message: `${result.status} without details`, body: `[${result.check.id}] ${result.check.title}: ${result.status}` };
}

/** `baseline: reason; ticket PAY-1; expires 2026-01-31`. */
function baselineWords(mark: BaselineMark): string {
  return ['baseline: ' + oneLine(mark.reason), mark.ticket && `ticket ${oneLine(mark.ticket)}`, mark.expires && `expires ${mark.expires}`].filter(Boolean).join('; ');
}

function baselineOutcome(result: CheckResult, mark: BaselineMark, strict: boolean): Outcome {
  const what = result.status === 'passed' ? 'the check passed' : result.status === 'warning' ? 'a SHOULD warning' : 'a MUST failure';
  const details = result.failure ? failureText(result) : undefined;
  const body = details?.body;
  if (mark.state === 'expired') {
    return { element: 'failure', type: 'baseline-expired', message: `EXPIRED baseline entry (${baselineWords(mark)}), ${what}${details ? `: ${details.message}` : ''}`, body };
  }
  if (mark.state === 'fixed') {
    const message = `FIXED: listed in the baseline (${baselineWords(mark)}) but passed; take it out of the baseline`;
    return { element: strict ? 'failure' : 'skipped', type: 'baseline-fixed', message };
  }
  return { element: 'skipped', type: 'known-failure', message: `KNOWN FAILURE (${baselineWords(mark)}), ${what}${details ? `: ${details.message}` : ''}`, body };
}

/** How a result shows in JUnit; see the file comment. */
export function outcomeOf(result: CheckResult, strict: boolean): Outcome {
  if (result.baseline) return baselineOutcome(result, result.baseline, strict);
  if (result.status === 'passed') return undefined;
  if (result.status === 'skipped') return { element: 'skipped', message: oneLine(result.skipReason ?? 'skipped') };
  const { message, body } = failureText(result);
  if (result.status === 'failed') return { element: 'failure', type: 'MUST', message, body };
  if (strict) return { element: 'failure', type: 'SHOULD', message, body };
  return { element: 'skipped', type: 'warning', message: `WARNING (SHOULD, not failing the run): ${message}`, body };
}

function testcase(report: RunReport, result: CheckResult): string {
  const head = `    <testcase ${attrs({ name: `[${result.check.id}] ${result.check.title}`, classname: className(report, result), time: seconds(result.durationMs) })}`;
  const outcome = outcomeOf(result, report.strict);
  if (!outcome) return `${head}/>`;
  const open = `<${outcome.element} ${attrs({ type: outcome.type, message: outcome.message })}`;
  const element = outcome.body === undefined ? `${open}/>` : `${open}>${xmlText(outcome.body)}</${outcome.element}>`;
  return `${head}>\n      ${element}\n    </testcase>`;
}

function tally(results: readonly CheckResult[], strict: boolean) {
  const outcomes = results.map((r) => outcomeOf(r, strict));
  return {
    tests: results.length,
    failures: outcomes.filter((o) => o?.element === 'failure').length,
    errors: 0,
    skipped: outcomes.filter((o) => o?.element === 'skipped').length,
  };
}

function testsuite(report: RunReport, name: string, results: readonly CheckResult[]): string {
  const time = results.reduce((sum, r) => sum + r.durationMs, 0);
  const open = `  <testsuite ${attrs({ name, ...tally(results, report.strict), time: seconds(time) })}>`;
  return [open, ...results.map((r) => testcase(report, r)), '  </testsuite>'].join('\n');
}

/** The run's metadata as JUnit properties: what a reviewer of a CI run needs to trust it. */
function runProperties(report: RunReport): Record<string, string | undefined> {
  const targets = report.targets && report.targets.length > 1 ? report.targets.map((t) => t.baseUrl).join(' ') : undefined;
  return {
    'paycert.verdict': report.verdict,
    'paycert.target': report.target.baseUrl,
    'paycert.targets': targets,
    'paycert.profile': report.profile,
    'paycert.harnessVersion': report.harnessVersion,
    'paycert.startedAt': report.startedAt,
    'paycert.strict': String(report.strict),
    'paycert.filters': report.filters ? filtersLine(report.filters) : undefined,
    'paycert.suiteHash': report.suiteHash,
    'paycert.configHash': report.identity?.configHash,
    'paycert.baseline': report.baseline ? `${report.baseline.file} (${report.baseline.entries} entries)` : undefined,
  };
}

/**
 * The run suite: no testcase, the run's properties, and the verdict as its output. The schema
 * allows properties only in a testsuite, never in testsuites or a testcase.
 */
function runSuite(report: RunReport): string {
  const properties = Object.entries(runProperties(report)).filter((e): e is [string, string] => e[1] !== undefined);
  const partial = report.verdict === 'partial' ? ` (part of the suite only: ${filtersLine(report.filters)})` : '';
  return [
    `  <testsuite ${attrs({ name: RUN_SUITE, tests: 0, failures: 0, errors: 0, skipped: 0, time: '0.000' })}>`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property ${attrs({ name, value })}/>`),
    '    </properties>',
    `    <system-out>${xmlText(`paycert: ${report.verdict.toUpperCase()}${partial}`)}</system-out>`,
    '  </testsuite>',
  ].join('\n');
}

/** The report as a JUnit XML document: the run suite, then a testsuite per section in number order. */
export function junitXml(report: RunReport): string {
  const sections = new Map<string, CheckResult[]>();
  for (const result of report.checks) {
    const name = suiteName(result);
    const list = sections.get(name) ?? [];
    list.push(result);
    sections.set(name, list);
  }
  const names = [...sections.keys()].sort((a, b) => compareSections(a.slice('PROFILE '.length), b.slice('PROFILE '.length)));
  const wall = elapsedMs(report.startedAt, report.endedAt) ?? report.checks.reduce((sum, r) => sum + r.durationMs, 0);
  const { tests, failures, errors } = tally(report.checks, report.strict);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attrs({ name: `paycert ${report.profile}`, tests, failures, errors, time: seconds(wall) })}>`,
    runSuite(report),
    ...names.map((name) => testsuite(report, name, sections.get(name) ?? [])),
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
